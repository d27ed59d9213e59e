import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { demarcheExists } from './demarcheQueries.ts';
import type { PublishedVersion } from './demarcheTypes.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { toVersionSummary } from './toVersionSummary.ts';
import { findVersion } from './versionQueries.ts';

/**
 * One published version with its definition exactly as published.
 *
 * @example
 * const v1 = await getVersion(ctx, { id, version: 1 });
 * if (v1.ok) designer.showReadOnly(v1.value.definition);
 */
export async function getVersion(
  ctx: DemarcheServiceContext,
  input: { id: string; version: number },
): Promise<Result<PublishedVersion, DomainError>> {
  return ctx.db.transaction(async (tx) => {
    if (!(await demarcheExists(tx, ctx.scope, input.id))) return err(demarcheErrors.notFound());
    const row = await findVersion(tx, ctx.scope, input.id, input.version);
    if (!row) return err(demarcheErrors.versionNotFound(input.version));
    return ok({ ...toVersionSummary(row), definition: row.definition });
  });
}
