import type { VersionSummary } from './demarcheTypes.ts';
import type { VersionSummaryRow } from './versionQueries.ts';

/**
 * A version row as the API shows it: timestamps as ISO strings.
 *
 * @example
 * (await listVersionRows(db, scope, id)).map(toVersionSummary);
 */
export function toVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
  };
}
