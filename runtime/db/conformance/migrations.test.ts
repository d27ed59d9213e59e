import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../driver/openDatabase.ts';
import { tenants } from '../schema/tenants.ts';
import { createScratchDatabase } from '../testing/createScratchDatabase.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { testDrivers } from '../testing/openTestDatabase.ts';

/** Tables without tenant_id, or keyed otherwise on purpose (see their schema files). */
const NOT_TENANT_LED = new Set(['tenants', 'rate_limits', 'sessions']);
// Looked up by a random token before any tenant is known, like sessions: the token's
// uniqueness is global on purpose.
const NOT_TENANT_LED_INDEXES = new Set([
  'staff_invitations_token_hash_key',
  'account_tokens_token_hash_key',
  'anonymous_dossiers_pass_hash_key',
  'anonymous_dossiers_code_hash_key',
  'anonymous_dossiers_mailed_code_hash_key',
  // A request's Host names its tenant before any session: one host, one tenant.
  'tenant_hosts_host_key',
  // The worker's hourly purge sweeps expired exports across tenants (purgeExpiredExports.ts).
  'export_jobs_expires_idx',
]);

describeOnEachDriver('migrations', (database) => {
  it('apply twice harmlessly', async () => {
    const { executeSql, migrate } = database();
    const before = await executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
    await migrate();
    await migrate();
    const after = await executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(after.rows).toEqual(before.rows);
    expect((before.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(2);
  });

  it('lead every primary key and index of a tenant-owned table with tenant_id (docs/ARCHITECTURE.md, « Tenancy and scale »)', async () => {
    const { rows } = await database().executeSql(`
      select t.relname as table_name, i.relname as index_name, am.amname as method,
             a.attname as first_column
        from pg_index x
        join pg_class t on t.oid = x.indrelid
        join pg_class i on i.oid = x.indexrelid
        join pg_am am on am.oid = i.relam
        join pg_namespace n on n.oid = t.relnamespace
        left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
       where n.nspname = 'public'`);
    const offenders = (rows as Array<Record<string, string | null>>)
      .filter((row) => !NOT_TENANT_LED.has(String(row.table_name)))
      .filter((row) => !NOT_TENANT_LED_INDEXES.has(String(row.index_name)))
      // GIN cannot lead with a uuid column without btree_gin; documented in dossiers.ts.
      .filter((row) => row.method !== 'gin')
      .filter((row) => row.first_column !== 'tenant_id')
      .map((row) => `${row.table_name}.${row.index_name}`);
    expect(offenders).toEqual([]);
    expect(rows.length).toBeGreaterThan(30);
  });
});

// Several processes need several connections: a PostgreSQL-only behaviour, registered
// only on runs that have a PostgreSQL server, like the postgres half of describeOnEachDriver.
if (testDrivers().includes('postgres'))
  describe('migrations on PostgreSQL from several processes', () => {
    it('run once when three processes open a new database at the same time', async () => {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL!);
      try {
        const opened = await Promise.all(
          [1, 2, 3].map(() => openDatabase({ url: scratch.url, maxConnections: 1 })),
        );
        const { rows } = await opened[0]!.executeSql(
          'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash',
        );
        expect(rows.every((row) => (row as { n: number }).n === 1)).toBe(true);
        await Promise.all(opened.map((database) => database.close()));
      } finally {
        await scratch.drop();
      }
    });
  });

describe('PGlite in a data folder', () => {
  it('keeps its rows and migrations across reopenings', async () => {
    const root = await mkdtemp(join(tmpdir(), 'guichet-pglite-'));
    // A folder whose parents do not exist yet, like `.data/pglite` on a fresh clone.
    const dataDir = join(root, 'data', 'pglite');
    try {
      const first = await openDatabase({ dataDir });
      await first.db.insert(tenants).values({ slug: 'persisted', name: 'Persisted' });
      await first.close();
      const second = await openDatabase({ dataDir });
      const rows = await second.db.select().from(tenants);
      expect(rows.map((row) => row.slug)).toEqual(['persisted']);
      await second.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
