import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { demarcheExists } from './demarcheQueries.ts';
import type { VersionSummary } from './demarcheTypes.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { toVersionSummary } from './toVersionSummary.ts';
import { listVersionRows } from './versionQueries.ts';

/**
 * The published versions of a démarche, newest first. An unknown (or another tenant's)
 * démarche is NOT_FOUND, not an empty list, so ids cannot be probed.
 *
 * @example
 * const versions = await listVersions(ctx, id); // ok([{ version: 2, … }, { version: 1, … }])
 */
export async function listVersions(
  ctx: DemarcheServiceContext,
  id: string,
): Promise<Result<VersionSummary[], DomainError>> {
  return ctx.db.transaction(async (tx) => {
    if (!(await demarcheExists(tx, ctx.scope, id))) return err(demarcheErrors.notFound());
    const rows = await listVersionRows(tx, ctx.scope, id);
    return ok(rows.map(toVersionSummary));
  });
}
