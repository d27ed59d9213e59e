import { and, asc, eq } from 'drizzle-orm';
import type { DemarcheDefinition } from '../../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import { type AppDatabase, auditLog, dossierEvents, dossiers } from '../../../db/index.ts';
import { VALID_SOCIAL_AID } from '../../dossiers/testing/dossierTestKit.ts';
import { seedQueueDossier } from '../../queues/testing/seedQueueDossier.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';

export const DAY_MS = 24 * 3_600_000;

/**
 * `socialAidDefinition` whose expiry (`expirer`, after P30D) only fires when the applicant
 * gave an email address: a timer guard.
 */
export const guardedTimerDefinition: DemarcheDefinition = {
  ...socialAidDefinition,
  workflow: {
    ...socialAidDefinition.workflow,
    transitions: socialAidDefinition.workflow.transitions.map((transition) =>
      transition.id === 'expirer' ? { ...transition, guard: { required: ['email'] } } : transition,
    ),
  },
};

/**
 * A submitted dossier of the seeded démarche that entered `state` (default `complement`,
 * whose `expirer` timer runs P30D) at `enteredAt`, routed to `ccas`, at revision 3.
 *
 * @example
 * const id = await seedWaitingDossier(db, world, { enteredAt: new Date('2026-03-01T09:00:00Z') });
 */
export async function seedWaitingDossier(
  db: AppDatabase,
  world: SeededTenant,
  options: { enteredAt: Date; state?: string; data?: Record<string, unknown> },
): Promise<string> {
  const submitted = new Date(options.enteredAt.getTime() - 10 * DAY_MS).toISOString();
  return seedQueueDossier(db, world, {
    state: options.state ?? 'complement',
    revision: 3,
    data: options.data ?? { ...VALID_SOCIAL_AID },
    createdAt: submitted,
    submittedAt: submitted,
    enteredStateAt: options.enteredAt.toISOString(),
  });
}

/** The dossier's state, revision and time it entered that state. */
export async function dossierNow(db: AppDatabase, id: string) {
  const [row] = await db
    .select({
      state: dossiers.state,
      revision: dossiers.revision,
      enteredStateAt: dossiers.enteredStateAt,
    })
    .from(dossiers)
    .where(eq(dossiers.id, id));
  return row!;
}

/** The dossier's `transition` events, in order. */
export function transitionsOf(db: AppDatabase, id: string) {
  return db
    .select({
      actorId: dossierEvents.actorId,
      at: dossierEvents.at,
      payload: dossierEvents.payload,
      requestId: dossierEvents.requestId,
    })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, id), eq(dossierEvents.type, 'transition')))
    .orderBy(asc(dossierEvents.seq));
}

/** The audit rows naming the dossier. */
export function auditOf(db: AppDatabase, id: string) {
  return db
    .select({
      actor: auditLog.actor,
      action: auditLog.action,
      details: auditLog.details,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .where(eq(auditLog.object, `dossier:${id}`))
    .orderBy(asc(auditLog.id));
}
