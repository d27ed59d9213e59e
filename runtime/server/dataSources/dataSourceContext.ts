import type { AppDatabase } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { Context } from '../trpc/index.ts';

/**
 * What an admin's reference-table service works with: the database, who acts (whose
 * `tenantId` confines every query, never the input's), the time and the request id for
 * the audit trail.
 */
export interface DataSourceContext {
  db: AppDatabase;
  session: SessionActor;
  now: Date;
  requestId: string;
}

/**
 * @example
 * staffProcedure('admin').query(({ ctx }) => listReferenceTables(dataSourceContextOf(ctx)));
 */
export function dataSourceContextOf(ctx: Context & { session: SessionActor }): DataSourceContext {
  return {
    db: ctx.deps.database.db,
    session: ctx.session,
    now: ctx.deps.clock(),
    requestId: ctx.requestId,
  };
}
