import { listDemarcheRows } from './demarcheQueries.ts';
import type { DemarcheSummary, DraftStatus } from './demarcheTypes.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';

/**
 * The tenant's démarches for the staff list, by title, each with its latest published
 * version and whether the draft has moved on since.
 *
 * @example
 * const rows = await listDemarches(ctx);
 * rows.filter((d) => d.draftStatus === 'modified'); // drafts with unpublished changes
 */
export async function listDemarches(ctx: DemarcheServiceContext): Promise<DemarcheSummary[]> {
  const rows = await listDemarcheRows(ctx.db, ctx.scope);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    ownerUnitId: row.ownerUnitId,
    draftRevision: row.draftRevision,
    updatedAt: row.updatedAt.toISOString(),
    latestVersion: row.latestVersion,
    latestPublishedAt:
      row.latestPublishedAt === null ? null : new Date(row.latestPublishedAt).toISOString(),
    draftStatus: draftStatusOf(row.latestVersion, row.draftMatchesLatest),
  }));
}

function draftStatusOf(latestVersion: number | null, matches: boolean | null): DraftStatus {
  if (latestVersion === null) return 'unpublished';
  return matches ? 'published' : 'modified';
}
