-- Hand-written: what drizzle-kit cannot express. The database itself keeps the logs
-- append-only and the published versions immutable, so no application bug can rewrite
-- history (docs/SECURITY.md §20). Refusals raise SQLSTATE GU001 (APPEND_ONLY_SQLSTATE).

CREATE FUNCTION guichet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'guichet: % on % is refused, its rows cannot be changed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'GU001';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER demarche_versions_immutable BEFORE UPDATE ON demarche_versions
  FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint

-- A dossier's events go only with the dossier itself (retention purge: DELETE FROM
-- dossiers cascades here, and by then the dossier row is gone).
CREATE FUNCTION guichet_dossier_event_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM dossiers WHERE tenant_id = OLD.tenant_id AND id = OLD.dossier_id) THEN
    RAISE EXCEPTION 'guichet: DELETE on dossier_events is refused while the dossier exists'
      USING ERRCODE = 'GU001';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_delete_with_dossier BEFORE DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION guichet_dossier_event_delete();
--> statement-breakpoint

-- Hash of one event, chained to the previous one. JSON array: unambiguous field
-- boundaries; epoch microseconds: independent of the session's TimeZone and DateStyle.
CREATE FUNCTION guichet_dossier_event_hash(previous text, e dossier_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    previous, e.tenant_id, e.dossier_id, e.seq, e.id, e.type, e.actor_id,
    (extract(epoch FROM e.at) * 1000000)::bigint, e.payload, e.request_id
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint

-- Numbers and chains every new event, whatever the application sent for seq and hashes.
-- NO KEY UPDATE: the lock a transition's UPDATE of the dossier already holds; it does not
-- block inserts of messages or files (their foreign keys take KEY SHARE).
CREATE FUNCTION guichet_dossier_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous record;
BEGIN
  PERFORM 1 FROM dossiers WHERE tenant_id = NEW.tenant_id AND id = NEW.dossier_id
    FOR NO KEY UPDATE;
  SELECT seq, hash INTO previous FROM dossier_events
    WHERE tenant_id = NEW.tenant_id AND dossier_id = NEW.dossier_id
    ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(previous.seq, 0) + 1;
  NEW.prev_hash := previous.hash;
  NEW.hash := guichet_dossier_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_chain BEFORE INSERT ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION guichet_dossier_event_chain();
