import type { AppDatabase } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { Context } from '../trpc/index.ts';

/** What an admin's settings service works with; the tenant is the session's. */
export interface SettingsContext {
  db: AppDatabase;
  session: SessionActor;
  now: Date;
  requestId: string;
}

export function settingsContextOf(ctx: Context & { session: SessionActor }): SettingsContext {
  return {
    db: ctx.deps.database.db,
    session: ctx.session,
    now: ctx.deps.clock(),
    requestId: ctx.requestId,
  };
}
