-- Hand-written. Each server process keeps resolved sessions for a few seconds
-- (runtime/server/auth/sessionCache.ts); every change that can shrink what a session
-- may do is announced on the channel `guichet_access`, which every process LISTENs to,
-- so a revoked session, a disabled user or a changed membership or unit tree is
-- forgotten everywhere at commit, whoever made the change (a procedure, a script, psql).
-- Payloads: 's:<session id>', 'u:<tenant id>:<user id>', 't:<tenant id>'. PostgreSQL
-- delivers a payload once per transaction, so a bulk change sends one per tenant.

CREATE FUNCTION guichet_notify_access_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('guichet_access', CASE TG_TABLE_NAME
    WHEN 'sessions' THEN 's:' || changed.id
    WHEN 'users' THEN 'u:' || changed.tenant_id || ':' || changed.id
    ELSE 't:' || changed.tenant_id
  END);
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Not on the once-a-minute `last_seen_at` touch: only revocation and deletion matter.
CREATE TRIGGER sessions_access_change
AFTER UPDATE OF revoked_at, expires_at, idle_timeout_s OR DELETE ON sessions
FOR EACH ROW EXECUTE FUNCTION guichet_notify_access_change();
--> statement-breakpoint

CREATE TRIGGER users_access_change
AFTER UPDATE OF disabled_at, kind OR DELETE ON users
FOR EACH ROW EXECUTE FUNCTION guichet_notify_access_change();
--> statement-breakpoint

CREATE TRIGGER memberships_access_change
AFTER INSERT OR UPDATE OR DELETE ON memberships
FOR EACH ROW EXECUTE FUNCTION guichet_notify_access_change();
--> statement-breakpoint

-- A unit added under a covered one widens coverage; moved or removed ones narrow it.
CREATE TRIGGER units_access_change
AFTER INSERT OR UPDATE OR DELETE ON units
FOR EACH ROW EXECUTE FUNCTION guichet_notify_access_change();
