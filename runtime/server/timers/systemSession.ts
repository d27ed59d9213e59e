import type { SessionActor } from '../core/sessionActor.ts';

/**
 * The runtime acting on one tenant's dossiers, for timers: `engineActor` makes it the
 * engine's `SYSTEM_ACTOR` (the only actor `by: ['system']` admits), its events have no
 * actor, the audit log names it `system`, and it reads every submitted dossier of its
 * tenant. Only the timer service
 * builds one; a person's session never has `kind: 'system'`.
 *
 * @example
 * const context = { db, session: systemSession(row.tenantId), now, requestId: runId };
 */
export function systemSession(tenantId: string): SessionActor {
  return {
    sessionId: 'system',
    tenantId,
    // Not a uuid on purpose: written anywhere a user id goes, it fails loudly. Its
    // events are written with no actor and its audit rows as `system`.
    userId: 'system',
    kind: 'system',
    roles: [],
    unitIds: [],
    unitCodes: [],
  };
}
