import { type TenantScope, tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { Context } from '../trpc/index.ts';

/**
 * What a staff service of this feature works with: the database, the tenant every query
 * is confined to (taken from the session, never from the input), and who acts, for
 * `published_by` and the audit log.
 */
export interface DemarcheServiceContext {
  db: AppDatabase;
  scope: TenantScope;
  userId: string;
  requestId: string;
  /** The request's time, from the clock port, so tests control `updated_at` and `published_at`. */
  now: Date;
}

/**
 * Builds the service context of a signed-in staff request.
 *
 * @example
 * staffProcedure('admin').mutation(({ ctx, input }) => createDemarche(serviceContextOf(ctx), input));
 */
export function serviceContextOf(ctx: Context & { session: SessionActor }): DemarcheServiceContext {
  return {
    db: ctx.deps.database.db,
    scope: tenantScope(ctx.session.tenantId),
    userId: ctx.session.userId,
    requestId: ctx.requestId,
    now: ctx.deps.clock(),
  };
}
