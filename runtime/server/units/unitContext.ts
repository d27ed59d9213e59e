import type { AppDatabase } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { Context } from '../trpc/index.ts';

/**
 * What a unit service works with: the database, who acts (whose `tenantId` confines
 * every query, never the input's), the request's time and id for the audit trail.
 */
export interface UnitContext {
  db: AppDatabase;
  session: SessionActor;
  now: Date;
  requestId: string;
}

/**
 * @example
 * staffProcedure('admin').query(({ ctx }) => listUnitTree(unitContextOf(ctx)));
 */
export function unitContextOf(ctx: Context & { session: SessionActor }): UnitContext {
  return {
    db: ctx.deps.database.db,
    session: ctx.session,
    now: ctx.deps.clock(),
    requestId: ctx.requestId,
  };
}
