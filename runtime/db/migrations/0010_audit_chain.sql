-- Hand-written. A hash chain per tenant over audit_log (docs/SECURITY.md §20), kept in
-- audit_seals and written after the fact by guichet_seal_audit(), so an audited write
-- takes no tenant-wide lock (see schema/logs.ts). Both tables are append-only like the
-- logs: the seals cannot be rewritten, and only the sealer (running as the owner) writes.

-- Hash of one audit row at position `seq` of its tenant's chain. JSON array: unambiguous
-- field boundaries; epoch microseconds: independent of TimeZone and DateStyle.
CREATE FUNCTION guichet_audit_hash(previous text, seq bigint, a audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    previous, a.tenant_id, seq, a.id, a.actor, a.action, a.object,
    (extract(epoch FROM a.at) * 1000000)::bigint, a.request_id, a.details
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint

-- Every new audit row waits in audit_unsealed for the sealer. SECURITY DEFINER: the
-- application role has no right on that table.
CREATE FUNCTION guichet_audit_queue_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO audit_unsealed (tenant_id, audit_id) VALUES (NEW.tenant_id, NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_queue_seal AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION guichet_audit_queue_seal();
--> statement-breakpoint

-- Chains up to max_rows queued audit rows, oldest id first within a tenant; returns how
-- many. Queue rows are claimed with SKIP LOCKED and tenants locked in tenant order
-- (advisory, until commit), so concurrent sealers neither fork a chain nor deadlock; the
-- primary key (tenant_id, seq) would refuse a fork anyway.
CREATE FUNCTION guichet_seal_audit(max_rows integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  pending record;
  head record;
  current_tenant uuid;
  next_seq bigint;
  next_hash text;
  sealed integer := 0;
BEGIN
  FOR pending IN
    SELECT u.tenant_id, u.audit_id FROM audit_unsealed u
      ORDER BY u.tenant_id, u.audit_id LIMIT max_rows FOR UPDATE SKIP LOCKED
  LOOP
    IF current_tenant IS DISTINCT FROM pending.tenant_id THEN
      current_tenant := pending.tenant_id;
      PERFORM pg_advisory_xact_lock(hashtext('guichet.audit_seal'), hashtext(current_tenant::text));
      SELECT s.seq, s.hash INTO head FROM audit_seals s
        WHERE s.tenant_id = current_tenant ORDER BY s.seq DESC LIMIT 1;
    END IF;
    next_seq := coalesce(head.seq, 0) + 1;
    SELECT guichet_audit_hash(head.hash, next_seq, a) INTO next_hash FROM audit_log a
      WHERE a.tenant_id = pending.tenant_id AND a.id = pending.audit_id;
    INSERT INTO audit_seals (tenant_id, seq, audit_id, prev_hash, hash)
      VALUES (current_tenant, next_seq, pending.audit_id, head.hash, next_hash);
    DELETE FROM audit_unsealed WHERE tenant_id = pending.tenant_id AND audit_id = pending.audit_id;
    head.seq := next_seq;
    head.hash := next_hash;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION guichet_seal_audit(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION guichet_seal_audit(integer) TO guichet_app;
--> statement-breakpoint

-- Seals are never changed or removed.
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION guichet_refuse_change();
--> statement-breakpoint

-- The application may read the seals, and nothing else on these two tables (the default
-- privileges of migration 0008 granted it rows).
REVOKE ALL ON audit_seals, audit_unsealed FROM guichet_app;
--> statement-breakpoint
GRANT SELECT ON audit_seals TO guichet_app;
--> statement-breakpoint

-- Rows written before this migration are chained at the first seal.
INSERT INTO audit_unsealed (tenant_id, audit_id) SELECT tenant_id, id FROM audit_log ORDER BY tenant_id, id;
