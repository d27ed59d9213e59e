-- Hand-written. Least privilege (docs/SECURITY.md §20, "the application cannot rewrite history"):
-- migrations run as the OWNER role (the one in DATABASE_URL, which owns every table), and
-- the server runs as `guichet_app`, which may only read and write rows. Owning a table is
-- what lets a role `ALTER TABLE … DISABLE TRIGGER` and rewrite the append-only logs; a
-- superuser may also `SET session_replication_role = replica`. guichet_app can do neither,
-- nor DROP, TRUNCATE or ALTER anything. PGlite is single-user (always a superuser): there
-- the role exists but nothing connects as it.

-- Roles are shared by every database of the server (parallel test databases migrate at
-- once): create it only if missing, and let a concurrent creator win.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_app') THEN
    CREATE ROLE guichet_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint

-- PostgreSQL < 15 lets every role create tables in `public`; 15+ already refuses it.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO guichet_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO guichet_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO guichet_app;
--> statement-breakpoint

-- Tables, sequences and schemas the owner creates later are covered too: the next
-- migrations, and pg-boss's `pgboss` schema with its per-queue partitions (installed by
-- the owner before the server starts, `ensureJobSchema`). Database-wide, not per schema,
-- so a schema that does not exist yet is included. Functions are executable by PUBLIC
-- by default. Never CREATE: guichet_app defines nothing.
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO guichet_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO guichet_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO guichet_app;
--> statement-breakpoint

-- The logs: no UPDATE or DELETE at all for the application, on top of the triggers. A
-- purged dossier's events still go by ON DELETE CASCADE: referential actions run as the
-- table's owner.
REVOKE UPDATE, DELETE ON audit_log, dossier_events FROM guichet_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON demarche_versions FROM guichet_app;
--> statement-breakpoint

-- References: the sequences of `reference_sequences` are created at run time, on a
-- year's first submit. The function runs as its owner (SECURITY DEFINER) with a fixed
-- search_path, so guichet_app creates sequences through it only, never directly (no
-- CREATE or even USAGE on that schema).
ALTER FUNCTION guichet_next_reference(uuid, text, integer)
  SECURITY DEFINER SET search_path = pg_catalog, public;
--> statement-breakpoint
REVOKE ALL ON FUNCTION guichet_next_reference(uuid, text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION guichet_next_reference(uuid, text, integer) TO guichet_app;
