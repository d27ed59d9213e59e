-- Hand-written. References (APA-2026-000123) come from one PostgreSQL sequence per
-- (tenant, prefix, year) instead of a counter row: nextval() takes no lock that lasts
-- until commit, so concurrent submits of a tenant no longer queue on one row. Numbers
-- stay unique and increasing; a rolled-back submit leaves a gap (accepted product decision).
-- The sequences live in their own schema and are created on first use.

CREATE SCHEMA reference_sequences;
--> statement-breakpoint

-- The sequence's qualified name: 't' + tenant hex + '_' + lower-case prefix + '_' + year,
-- at most 49 characters (PostgreSQL's limit is 63), only [a-z0-9_], so no quoting.
CREATE FUNCTION guichet_reference_sequence(tenant uuid, prefix text, year integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF prefix IS NULL OR prefix !~ '^[A-Z]{1,10}$' OR year IS NULL OR year NOT BETWEEN 1 AND 9999 THEN
    RAISE EXCEPTION 'guichet: invalid reference prefix or year (%, %)', prefix, year
      USING ERRCODE = '22023';
  END IF;
  RETURN 'reference_sequences.t' || replace(tenant::text, '-', '') || '_' || lower(prefix) || '_' || year;
END
$$;
--> statement-breakpoint

-- The next number of (tenant, prefix, year). The usual path is one nextval(); the first
-- call of a year creates the sequence in a subtransaction. Two first calls at once: the
-- second waits on the catalog's unique index until the first commits, then fails with
-- unique_violation (or duplicate_table), and takes its number from the sequence the
-- first one created. If the first rolls back, its sequence (and the numbers it gave) go
-- with it and the second one's creation succeeds.
CREATE FUNCTION guichet_next_reference(tenant uuid, prefix text, year integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  sequence_name text := guichet_reference_sequence(tenant, prefix, year);
  number bigint := nextval(to_regclass(sequence_name));
BEGIN
  IF number IS NOT NULL THEN
    RETURN number;
  END IF;
  BEGIN
    EXECUTE 'CREATE SEQUENCE IF NOT EXISTS ' || sequence_name;
  EXCEPTION WHEN unique_violation OR duplicate_table THEN
    NULL;
  END;
  RETURN nextval(sequence_name::regclass);
END
$$;
--> statement-breakpoint

-- Numbers already handed out by the old counters go on from where they stopped.
DO $$
DECLARE
  counter record;
BEGIN
  FOR counter IN SELECT tenant_id, prefix, year, last_value FROM reference_counters LOOP
    EXECUTE format('CREATE SEQUENCE %s START WITH %s',
      guichet_reference_sequence(counter.tenant_id, counter.prefix, counter.year),
      counter.last_value + 1);
  END LOOP;
END
$$;
