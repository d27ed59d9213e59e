import { and, asc, eq, inArray, like, notLike, sql } from 'drizzle-orm';
import { type AppDatabase, referenceRows, referenceTables } from '../../db/index.ts';
import { escapeLike, normaliseQuery } from './searchKey.ts';

/** An entry offered to the citizen: the code stored, the label shown. */
export interface SourceEntry {
  value: string;
  label: string;
}

export interface ReferenceTableSummary {
  code: string;
  label: string;
  extraColumns: string[];
  rowCount: number;
  importedAt: string;
}

/**
 * The tenant's reference tables, for its admins and for publish (a `table` source must
 * name one of them).
 */
export async function listReferenceTables(
  db: AppDatabase,
  tenantId: string,
): Promise<ReferenceTableSummary[]> {
  const rows = await db
    .select()
    .from(referenceTables)
    .where(eq(referenceTables.tenantId, tenantId))
    .orderBy(asc(referenceTables.code));
  return rows.map((row) => ({
    code: row.code,
    label: row.label,
    extraColumns: row.extraColumns,
    rowCount: row.rowCount,
    importedAt: row.importedAt.toISOString(),
  }));
}

/**
 * Up to `limit` entries of a table whose label or code matches what the citizen typed,
 * accent- and case-insensitively: first those whose label STARTS with it (the index's
 * range scan on `search_key`, `reference_rows_search_idx`), then, to fill the list,
 * those with a later WORD starting with it (« bresse » finds Bourg-en-Bresse; « b »
 * does not list every name holding a b), a bounded scan of one table's keys. Both queries stay within one
 * tenant's table. An empty query gives the first entries in label order.
 *
 * @example
 * await searchReferenceRows(db, tenantId, 'communes', 'st eti', 20);
 * // { entries: [{ value: '42218', label: 'Saint-Étienne' }], more: false }
 */
export async function searchReferenceRows(
  db: AppDatabase,
  tenantId: string,
  table: string,
  query: string,
  limit: number,
): Promise<{ entries: SourceEntry[]; more: boolean }> {
  const term = normaliseQuery(query);
  const inTable = and(eq(referenceRows.tenantId, tenantId), eq(referenceRows.tableCode, table));
  const prefix = `${escapeLike(term)}%`;
  const starting = await startingWith(db, tenantId, table, term, limit + 1);
  if (starting.length > limit || term === '') {
    return { entries: starting.slice(0, limit), more: starting.length > limit };
  }
  const containing = await db
    .select({ value: referenceRows.code, label: referenceRows.label })
    .from(referenceRows)
    .where(
      and(
        inTable,
        like(referenceRows.searchKey, `% ${escapeLike(term)}%`),
        notLike(referenceRows.searchKey, prefix),
      ),
    )
    .orderBy(sql`${referenceRows.searchKey} using ~<~`, asc(referenceRows.code))
    .limit(limit + 1 - starting.length);
  const entries = [...starting, ...containing];
  return { entries: entries.slice(0, limit), more: entries.length > limit };
}

/**
 * Entries whose search key starts with the normalised `term`: `like` with an escaped
 * constant prefix over `text_pattern_ops`, an index range scan on both drivers
 * (`reference_rows_search_idx`). Exported for the test that reads its plan.
 */
export function startingWith(
  db: AppDatabase,
  tenantId: string,
  table: string,
  term: string,
  limit: number,
) {
  return (
    db
      .select({ value: referenceRows.code, label: referenceRows.label })
      .from(referenceRows)
      .where(
        and(
          eq(referenceRows.tenantId, tenantId),
          eq(referenceRows.tableCode, table),
          like(referenceRows.searchKey, `${escapeLike(term)}%`),
        ),
      )
      // `~<~` is the order of `text_pattern_ops` (bytes), which the index holds.
      .orderBy(sql`${referenceRows.searchKey} using ~<~`, asc(referenceRows.code))
      .limit(limit)
  );
}

/** The entries of `table` among `codes`: what a save checks a stored value against. */
export async function findReferenceRows(
  db: AppDatabase,
  tenantId: string,
  table: string,
  codes: readonly string[],
): Promise<SourceEntry[]> {
  if (codes.length === 0) return [];
  return db
    .select({ value: referenceRows.code, label: referenceRows.label })
    .from(referenceRows)
    .where(
      and(
        eq(referenceRows.tenantId, tenantId),
        eq(referenceRows.tableCode, table),
        inArray(referenceRows.code, [...codes]),
      ),
    );
}
