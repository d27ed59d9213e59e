import type { Database } from '../../../db/index.ts';

/** Per table: row count and a digest of every row's text, e.g. `{ dossiers: '3:9f…' }`. */
export type Fingerprint = Record<string, string>;

/**
 * Tables whose rows a refused call may legitimately write: the audit trail records
 * denials (docs/SECURITY.md §20) and queues each new row for its hash chain (`audit_unsealed`,
 * sealed later into `audit_seals`), sessions track activity, rate limits count attempts.
 */
export const BOOKKEEPING_TABLES = [
  'audit_log',
  'audit_unsealed',
  'audit_seals',
  'sessions',
  'rate_limits',
] as const;

/** Every table of the public schema that has a `tenant_id` column, found in the catalog
 * so a table added later is covered without editing this file. */
async function tenantTables(database: Database): Promise<string[]> {
  const { rows } = await database.executeSql(
    `select table_name as name from information_schema.columns
     where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
  );
  return (rows as Array<{ name: string }>).map((row) => row.name);
}

async function digest(database: Database, from: string, values: unknown[]): Promise<string> {
  const { rows } = await database.executeSql(
    `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
     from ${from}`,
    values,
  );
  const row = rows[0] as { n: number; h: string };
  return `${row.n}:${row.h}`;
}

/**
 * What tenant `tenantId` holds, table by table, to compare before and after a series of
 * calls made by another tenant's users: any write, even one that keeps the row count,
 * changes a digest.
 *
 * @example
 * const before = await tenantFingerprint(server.database, tenantB.tenantId);
 * // … tenant A's users call everything with B's ids …
 * expect(await tenantFingerprint(server.database, tenantB.tenantId)).toEqual(before);
 */
export async function tenantFingerprint(
  database: Database,
  tenantId: string,
): Promise<Fingerprint> {
  const result: Fingerprint = {
    tenants: await digest(database, 'tenants t where t.id = $1', [tenantId]),
  };
  for (const table of await tenantTables(database)) {
    result[table] = await digest(database, `"${table}" t where t.tenant_id = $1`, [tenantId]);
  }
  return result;
}

/**
 * The business data of every tenant, plus queued jobs (effects are enqueued in the same
 * transaction as the change), leaving out the bookkeeping a refusal may write.
 *
 * @example
 * const before = await dataFingerprint(server.database);
 * await callProcedure(citizen, publish, input); // refused
 * expect(await dataFingerprint(server.database)).toEqual(before);
 */
export async function dataFingerprint(database: Database): Promise<Fingerprint> {
  const skipped = new Set<string>(BOOKKEEPING_TABLES);
  const result: Fingerprint = { tenants: await digest(database, 'tenants t', []) };
  for (const table of await tenantTables(database)) {
    if (!skipped.has(table)) result[table] = await digest(database, `"${table}" t`, []);
  }
  result['pgboss.job'] = await digest(database, 'pgboss.job t', []);
  return result;
}
