import { randomBytes } from 'node:crypto';
import type { Effect } from '../../../../shared/definition/types.ts';
import { type AppDatabase, dossierEvents, dossiers } from '../../../db/index.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';
import { type DurableEffect, type EffectJobData, effectKeyOf } from '../effectJob.ts';
import { type EffectsToEnqueue, enqueueEffects } from '../enqueueEffects.ts';

export interface SeededEffectDossier {
  dossierId: string;
  reference: string;
  /** `seq` of the `transition` event the effects come from. */
  eventSeq: number;
}

/**
 * A submitted dossier of the seeded démarche (applicant: the seeded citizen, unit
 * `ccas`) with one `transition` event, as the dossiers feature leaves it before
 * enqueuing effects.
 *
 * @example
 * const dossier = await seedEffectDossier(db, world, { data: { prenom: 'Claire' } });
 */
export async function seedEffectDossier(
  db: AppDatabase,
  world: SeededTenant,
  options: { data?: Record<string, unknown>; state?: string; assigneeId?: string } = {},
): Promise<SeededEffectDossier> {
  const reference = `AIDE-2026-${randomBytes(3).readUIntBE(0, 3).toString().padStart(6, '0')}`;
  return db.transaction(async (tx) => {
    const [dossier] = await tx
      .insert(dossiers)
      .values({
        tenantId: world.tenantId,
        demarcheId: world.demarche.id,
        version: world.demarche.version,
        reference,
        applicantId: world.accounts.citizen.id,
        state: options.state ?? 'depose',
        data: options.data ?? { nom: 'Dupont', prenom: 'Claire' },
        unitCode: 'ccas',
        assigneeId: options.assigneeId ?? null,
      })
      .returning({ id: dossiers.id });
    const [event] = await tx
      .insert(dossierEvents)
      .values({
        tenantId: world.tenantId,
        dossierId: dossier!.id,
        type: 'transition',
        actorId: world.accounts.citizen.id,
        payload: { transition: 'deposer', from: 'brouillon', to: 'depose' },
      })
      .returning({ seq: dossierEvents.seq });
    return { dossierId: dossier!.id, reference, eventSeq: event!.seq };
  });
}

/**
 * What `enqueueEffects` receives for these effects of transition `transition` on the
 * seeded dossier.
 *
 * @example
 * await db.transaction((tx) => enqueueEffects(tx, effectsFor(world, dossier, [notify])));
 */
export function effectsFor(
  world: SeededTenant,
  dossier: SeededEffectDossier,
  effects: Effect[],
  options: { transition?: string; input?: Record<string, unknown> } = {},
): EffectsToEnqueue {
  const transition = options.transition ?? 'deposer';
  return {
    tenantId: world.tenantId,
    dossierId: dossier.dossierId,
    reference: dossier.reference,
    eventSeq: dossier.eventSeq,
    demarcheId: world.demarche.id,
    version: world.demarche.version,
    effects: effects.map((effect) => ({ effect, transition, dossierId: dossier.dossierId })),
    input: options.input ?? {},
  };
}

/**
 * Enqueues effects in a committed transaction of their own.
 *
 * @example
 * await enqueueCommitted(db, effectsFor(world, dossier, [notify]));
 */
export function enqueueCommitted(db: AppDatabase, request: EffectsToEnqueue): Promise<void> {
  return db.transaction((tx) => enqueueEffects(tx, request));
}

/**
 * The data of the job `enqueueEffects` would write for one effect (at position 0), to
 * call a handler directly.
 *
 * @example
 * await performNotify(deps, jobDataFor(world, dossier, { type: 'notify', ... }));
 */
export function jobDataFor(
  world: SeededTenant,
  dossier: SeededEffectDossier,
  effect: DurableEffect,
  options: { transition?: string; input?: Record<string, unknown> } = {},
): EffectJobData {
  return {
    effectKey: effectKeyOf(dossier.dossierId, dossier.eventSeq, 0),
    tenantId: world.tenantId,
    dossierId: dossier.dossierId,
    reference: dossier.reference,
    eventSeq: String(dossier.eventSeq),
    demarcheId: world.demarche.id,
    version: world.demarche.version,
    transition: options.transition ?? 'deposer',
    effect,
    input: options.input ?? {},
  };
}
