import type { AppDatabase } from '../../db/types.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';

/**
 * The audit row of an admin's change to a démarche, in the change's transaction: tenant,
 * actor, request and time come from the service context.
 *
 * @example
 * await auditDemarche(tx, ctx, 'demarche.publish', row.id, { version: 2, revision: 7 });
 */
export function auditDemarche(
  tx: AppDatabase,
  ctx: DemarcheServiceContext,
  action: string,
  demarcheId: string,
  details: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    tenantId: ctx.scope.tenantId,
    actor: userRef(ctx.userId),
    action,
    object: `demarche:${demarcheId}`,
    requestId: ctx.requestId,
    at: ctx.now,
    details,
  });
}
