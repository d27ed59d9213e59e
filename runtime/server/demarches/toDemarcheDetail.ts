import type { DemarcheRow } from './demarcheQueries.ts';
import type { DemarcheDetail } from './demarcheTypes.ts';
import { toVersionSummary } from './toVersionSummary.ts';
import type { VersionSummaryRow } from './versionQueries.ts';

/**
 * A démarche row and its versions as the API shows them (`get`, and `create` with none).
 *
 * @example
 * return ok(toDemarcheDetail(row, await listVersionRows(db, scope, row.id)));
 */
export function toDemarcheDetail(row: DemarcheRow, versions: VersionSummaryRow[]): DemarcheDetail {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    ownerUnitId: row.ownerUnitId,
    draft: row.draft,
    draftRevision: row.draftRevision,
    updatedAt: row.updatedAt.toISOString(),
    versions: versions.map(toVersionSummary),
  };
}
