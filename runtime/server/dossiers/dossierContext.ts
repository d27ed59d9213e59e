import { type Actor, SYSTEM_ACTOR } from '../../../shared/engine/index.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { UrlSources } from '../core/urlSources.ts';
import type { Context } from '../trpc/index.ts';
import type { UnitCatalog } from './unitCatalog.ts';

/**
 * What a dossier service needs from the request: the database, who calls (the session,
 * whose `tenantId` scopes every query), the time and the request id for the audit trail.
 * Built from the tRPC context by `dossierContextOf`; tests build it by hand.
 */
export interface DossierContext {
  db: AppDatabase;
  session: SessionActor;
  now: Date;
  requestId: string;
  /** The tenants' unit codes, which routing checks (`deps.units`). */
  units: UnitCatalog;
  /** `url` data sources the sourced fields are checked against (`deps.urlSources`). */
  urlSources?: UrlSources;
}

/**
 * @example
 * const result = await getDossier(dossierContextOf(ctx), input);
 */
export function dossierContextOf(ctx: Context & { session: SessionActor }): DossierContext {
  return {
    db: ctx.deps.database.db,
    session: ctx.session,
    now: ctx.deps.clock(),
    requestId: ctx.requestId,
    units: ctx.deps.units,
    urlSources: ctx.deps.urlSources,
  };
}

/**
 * The engine's view of the caller: staff roles and covered unit codes; a citizen has no
 * role at all, the engine recognises the applicant by id. The system session (timers) is
 * the engine's `SYSTEM_ACTOR`, the only actor its `system` role admits.
 *
 * @example
 * engineActor(session); // { id: session.userId, roles: ['agent'], units: ['ccas'] }
 */
export function engineActor(session: SessionActor): Actor {
  if (session.kind === 'system') return SYSTEM_ACTOR;
  return {
    id: session.userId,
    roles: session.kind === 'staff' ? session.roles : [],
    units: session.kind === 'staff' ? session.unitCodes : [],
  };
}
