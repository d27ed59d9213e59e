import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { findDemarche } from './demarcheQueries.ts';
import type { DemarcheDetail } from './demarcheTypes.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { toDemarcheDetail } from './toDemarcheDetail.ts';
import { listVersionRows } from './versionQueries.ts';

/**
 * One démarche for the designer: its draft as stored (possibly invalid), the revision to
 * send back with the next save, and its versions newest first. Another tenant's id is
 * NOT_FOUND, exactly like an id that never existed.
 *
 * @example
 * const detail = await getDemarche(ctx, id);
 * if (detail.ok) editor.load(detail.value.draft, detail.value.draftRevision);
 */
export async function getDemarche(
  ctx: DemarcheServiceContext,
  id: string,
): Promise<Result<DemarcheDetail, DomainError>> {
  const row = await findDemarche(ctx.db, ctx.scope, id);
  if (!row) return err(demarcheErrors.notFound());
  const versions = await listVersionRows(ctx.db, ctx.scope, id);
  return ok(toDemarcheDetail(row, versions));
}
