import type { AppDatabase } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { Context } from '../trpc/index.ts';

/** What an admin's staff service works with; the tenant is the session's, never the input's. */
export interface StaffContext {
  db: AppDatabase;
  session: SessionActor;
  now: Date;
  requestId: string;
}

/**
 * @example
 * staffProcedure('admin').query(({ ctx }) => listStaff(staffContextOf(ctx)));
 */
export function staffContextOf(ctx: Context & { session: SessionActor }): StaffContext {
  return {
    db: ctx.deps.database.db,
    session: ctx.session,
    now: ctx.deps.clock(),
    requestId: ctx.requestId,
  };
}
