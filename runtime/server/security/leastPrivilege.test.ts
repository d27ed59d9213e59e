import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { APP_ROLE, dossiers } from '../../db/index.ts';
import { useDossierApi } from '../dossiers/testing/dossierApi.ts';

// Issue 13, item 4: the server's role owned the tables, so it could disable the
// append-only triggers (or switch them off with session_replication_role) and rewrite
// history. On PostgreSQL it now runs as guichet_app (migration 0008): rows only.

const api = useDossierApi();

/** Statements that would let the application rewrite history or change the schema. */
const REFUSED = [
  'ALTER TABLE dossier_events DISABLE TRIGGER ALL',
  'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
  'SET session_replication_role = replica',
  'DROP TABLE audit_log',
  'TRUNCATE audit_log',
  "UPDATE audit_log SET actor = 'system'",
  'DELETE FROM audit_log',
  "UPDATE dossier_events SET payload = '{}'",
  'DELETE FROM dossier_events',
  // Private comments are immutable for the application (migration 0012, §41).
  "UPDATE dossier_comments SET body = ''",
  'DELETE FROM dossier_comments',
  // Mailed account links stay as a trace once used (migration account_tokens, §50–§51).
  'DELETE FROM account_tokens',
  'CREATE TABLE shadow (id int)',
  'CREATE SEQUENCE reference_sequences.t0_apa_2099',
  'CREATE OR REPLACE FUNCTION guichet_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
  'ALTER FUNCTION guichet_next_reference(uuid, text, integer) SECURITY INVOKER',
  'DROP TABLE pgboss.job',
  'CREATE TABLE pgboss.shadow (id int)',
  'SET ROLE postgres',
  // Queue counters are the triggers' to write (docs/SECURITY.md §70).
  'UPDATE queue_counts SET dossiers = 0',
  'DELETE FROM queue_due_counts',
  "INSERT INTO queue_counts VALUES (gen_random_uuid(), gen_random_uuid(), 'depose', '', gen_random_uuid(), 0, 1)",
  // A saved view is inserted or deleted, never rewritten to another agent (§75).
  'UPDATE saved_views SET user_id = user_id',
  // Reference tables: rows only (replaced by DELETE + INSERT in one transaction, §103).
  'TRUNCATE reference_rows',
  'DROP INDEX reference_rows_search_idx',
  'ALTER TABLE reference_tables DROP CONSTRAINT reference_tables_code_format',
];

describe('the database role the server runs as', () => {
  it('is guichet_app, no superuser, on PostgreSQL; the only (super)user on PGlite', async () => {
    const { database } = api().server;
    const { rows } = await database.executeSql(
      'select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user',
      [],
    );
    if (database.kind === 'postgres') {
      expect(rows).toEqual([{ role: APP_ROLE, superuser: false }]);
    } else {
      // Documented exception: PGlite is embedded and single-user.
      expect(rows).toMatchObject([{ superuser: true }]);
    }
  });

  it('cannot disable the triggers, drop, truncate or rewrite the logs (PostgreSQL)', async () => {
    const { database } = api().server;
    if (database.kind !== 'postgres') {
      expect(database.kind).toBe('pglite');
      return;
    }
    for (const statement of REFUSED) {
      await expect(database.executeSql(statement), statement).rejects.toMatchObject({
        code: '42501',
      });
    }
  });

  it('reads and writes rows, and submits a dossier through the API', async () => {
    // Create (INSERT), save (UPDATE), submit: the first submit of the year creates the
    // reference sequence, through the SECURITY DEFINER function only.
    const submitted = await api().submittedDossier();
    expect(submitted.reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
    const again = await api().submittedDossier();
    expect(again.reference).not.toBe(submitted.reference);

    const { database } = api().server;
    await database.db.update(dossiers).set({ priority: 3 }).where(eq(dossiers.id, again.id));
    const [row] = await database.db.select().from(dossiers).where(eq(dossiers.id, again.id));
    expect(row).toMatchObject({ id: again.id, priority: 3 });
  });
});
