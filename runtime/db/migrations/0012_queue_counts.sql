CREATE TABLE "queue_counts" (
	"tenant_id" uuid NOT NULL,
	"demarche_id" uuid NOT NULL,
	"state" text NOT NULL,
	"unit_code" text NOT NULL,
	"assignee_id" uuid NOT NULL,
	"slot" smallint NOT NULL,
	"dossiers" integer NOT NULL,
	CONSTRAINT "queue_counts_tenant_id_demarche_id_state_unit_code_assignee_id_slot_pk" PRIMARY KEY("tenant_id","demarche_id","state","unit_code","assignee_id","slot")
);
--> statement-breakpoint
CREATE TABLE "queue_due_counts" (
	"tenant_id" uuid NOT NULL,
	"demarche_id" uuid NOT NULL,
	"state" text NOT NULL,
	"unit_code" text NOT NULL,
	"due_on" date NOT NULL,
	"dossiers" integer NOT NULL,
	CONSTRAINT "queue_due_counts_tenant_id_demarche_id_state_unit_code_due_on_pk" PRIMARY KEY("tenant_id","demarche_id","state","unit_code","due_on")
);
--> statement-breakpoint
ALTER TABLE "queue_counts" ADD CONSTRAINT "queue_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_due_counts" ADD CONSTRAINT "queue_due_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: the queue counters (runtime/db/schema/queueCounts.ts) kept by triggers on
-- `dossiers`, in the transaction that changes the dossiers, so they always equal
-- `count(*)` over the submitted dossiers (reference not null) as that transaction sees
-- them. Statement-level with transition tables: a bulk insert of 100,000 rows is one
-- aggregated upsert, not 100,000. Deltas are grouped per key (ON CONFLICT may touch a
-- row once per statement) and applied in key order, so two transactions lock the
-- counter rows they share in the same order and never deadlock on them. SECURITY
-- DEFINER: the application role may read the counters but never write them.
CREATE FUNCTION guichet_count_queue_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  wanted text := 'tenant_id, id, demarche_id, state, unit_code, assignee_id, reference, due_at';
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN format('select %s, 1 as delta from new_rows', wanted)
    WHEN 'DELETE' THEN format('select %s, -1 as delta from old_rows', wanted)
    ELSE format('select %s, 1 as delta from new_rows union all select %s, -1 as delta from old_rows', wanted, wanted)
  END;
BEGIN
  EXECUTE format($sql$
    insert into queue_counts as c (tenant_id, demarche_id, state, unit_code, assignee_id, slot, dossiers)
    select tenant_id, demarche_id, state, coalesce(unit_code, ''),
           coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
           get_byte(uuid_send(id), 15) %% 16, sum(delta)::int
      from (%s) as changed
     where reference is not null
     group by 1, 2, 3, 4, 5, 6
    having sum(delta) <> 0
     order by 1, 2, 3, 4, 5, 6
    on conflict (tenant_id, demarche_id, state, unit_code, assignee_id, slot)
    do update set dossiers = c.dossiers + excluded.dossiers$sql$, changed);
  EXECUTE format($sql$
    insert into queue_due_counts as c (tenant_id, demarche_id, state, unit_code, due_on, dossiers)
    select tenant_id, demarche_id, state, coalesce(unit_code, ''),
           (due_at at time zone 'UTC')::date, sum(delta)::int
      from (%s) as changed
     where reference is not null and due_at is not null
     group by 1, 2, 3, 4, 5
    having sum(delta) <> 0
     order by 1, 2, 3, 4, 5
    on conflict (tenant_id, demarche_id, state, unit_code, due_on)
    do update set dossiers = c.dossiers + excluded.dossiers$sql$, changed);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION guichet_clear_queue_counts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM queue_counts;
  DELETE FROM queue_due_counts;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The dossiers already there (an existing database, the benchmark's cached one).
INSERT INTO queue_counts (tenant_id, demarche_id, state, unit_code, assignee_id, slot, dossiers)
SELECT tenant_id, demarche_id, state, coalesce(unit_code, ''),
       coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid),
       get_byte(uuid_send(id), 15) % 16, count(*)
  FROM dossiers WHERE reference IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO queue_due_counts (tenant_id, demarche_id, state, unit_code, due_on, dossiers)
SELECT tenant_id, demarche_id, state, coalesce(unit_code, ''), (due_at at time zone 'UTC')::date, count(*)
  FROM dossiers WHERE reference IS NOT NULL AND due_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER dossiers_count_inserts AFTER INSERT ON dossiers
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION guichet_count_queue_changes();
--> statement-breakpoint
CREATE TRIGGER dossiers_count_updates AFTER UPDATE ON dossiers
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION guichet_count_queue_changes();
--> statement-breakpoint
CREATE TRIGGER dossiers_count_deletes AFTER DELETE ON dossiers
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION guichet_count_queue_changes();
--> statement-breakpoint
CREATE TRIGGER dossiers_count_truncates AFTER TRUNCATE ON dossiers
FOR EACH STATEMENT EXECUTE FUNCTION guichet_clear_queue_counts();
--> statement-breakpoint
-- Least privilege (docs/SECURITY.md §70): the application reads the counters, only the
-- triggers above (running as the owner) write them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON queue_counts, queue_due_counts FROM guichet_app;
