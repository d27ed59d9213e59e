import type { DataSource, DemarcheDefinition } from '../../../shared/definition/types.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { ChoiceEntry, UrlSources } from '../core/urlSources.ts';
import { findReferenceRows, searchReferenceRows } from './referenceQueries.ts';
import { normaliseQuery } from './searchKey.ts';

/** Why a source gives nothing now: unknown to the definition, or its URL unreachable. */
export type SourceProblem = { code: 'UNKNOWN_SOURCE' } | { code: 'UNAVAILABLE'; cause: string };

export interface SourceReaders {
  db: AppDatabase;
  tenantId: string;
  urlSources: UrlSources;
  now: Date;
}

/** The data source `id` of a definition, or null. */
export function sourceOf(definition: DemarcheDefinition, id: string): DataSource | null {
  return (definition.dataSources ?? []).find((source) => source.id === id) ?? null;
}

/**
 * What the citizen sees while typing in a sourced field: up to `limit` entries matching
 * `query` (accent- and case-insensitive; prefix first, then a later word's prefix), whatever the
 * source's kind — a static list and a URL source's cached list are filtered in memory by
 * the same rule as a reference table in SQL.
 *
 * @example
 * await searchSource(readers, source, 'lyo', 20); // ok({ entries: [{ value: '69123', label: 'Lyon' }], more: false })
 */
export async function searchSource(
  readers: SourceReaders,
  source: DataSource,
  query: string,
  limit: number,
): Promise<Result<{ entries: ChoiceEntry[]; more: boolean }, SourceProblem>> {
  if (source.kind === 'table') {
    if (!source.table) return err({ code: 'UNKNOWN_SOURCE' });
    return ok(await searchReferenceRows(readers.db, readers.tenantId, source.table, query, limit));
  }
  const all = await listOf(readers, source);
  if (!all.ok) return all;
  return ok(filterEntries(all.value, query, limit));
}

/**
 * The entries of `source` whose code is among `codes`: what a save checks stored values
 * against (one query per table, whatever the number of fields).
 */
export async function findInSource(
  readers: SourceReaders,
  source: DataSource,
  codes: readonly string[],
): Promise<Result<ChoiceEntry[], SourceProblem>> {
  if (source.kind === 'table') {
    if (!source.table) return err({ code: 'UNKNOWN_SOURCE' });
    return ok(await findReferenceRows(readers.db, readers.tenantId, source.table, codes));
  }
  const all = await listOf(readers, source);
  if (!all.ok) return all;
  const wanted = new Set(codes);
  return ok(all.value.filter((entry) => wanted.has(entry.value)));
}

async function listOf(
  readers: SourceReaders,
  source: DataSource,
): Promise<Result<ChoiceEntry[], SourceProblem>> {
  if (source.kind === 'static') return ok(source.options ?? []);
  if (source.kind !== 'url' || !source.url) return err({ code: 'UNKNOWN_SOURCE' });
  const read = await readers.urlSources.read(
    {
      url: source.url,
      ...(source.itemsPath ? { itemsPath: source.itemsPath } : {}),
      ...(source.valuePath ? { valuePath: source.valuePath } : {}),
      ...(source.labelPath ? { labelPath: source.labelPath } : {}),
      ...(source.cacheSeconds ? { cacheSeconds: source.cacheSeconds } : {}),
    },
    readers.now,
  );
  return read.ok ? read : err({ code: 'UNAVAILABLE', cause: read.error.code });
}

/** The same rule as the table search: label-or-code starts with the query, then a later word does. */
function filterEntries(
  entries: readonly ChoiceEntry[],
  query: string,
  limit: number,
): { entries: ChoiceEntry[]; more: boolean } {
  const term = normaliseQuery(query);
  const starting: ChoiceEntry[] = [];
  const containing: ChoiceEntry[] = [];
  for (const entry of entries) {
    const key = normaliseQuery(`${entry.label} ${entry.value}`);
    if (key.startsWith(term)) starting.push(entry);
    else if (key.includes(` ${term}`)) containing.push(entry);
    if (starting.length > limit) break;
  }
  const found = [...starting, ...containing];
  return { entries: found.slice(0, limit), more: found.length > limit };
}
