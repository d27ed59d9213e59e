import type { PendingEffect } from '../../../shared/engine/types.ts';
import { type AppTransaction, settleAll } from '../../db/index.ts';
import {
  EFFECT_QUEUES,
  type EffectJobData,
  effectIdOf,
  effectKeyOf,
  isDurableEffect,
} from './effectJob.ts';
import { sendJob } from './jobSender.ts';

export interface EffectsToEnqueue {
  tenantId: string;
  dossierId: string;
  reference: string | null;
  /** `seq` of the dossier event the effects come from (as returned by the insert). */
  eventSeq: number | string;
  demarcheId: string;
  version: number;
  /** `apply(...).effects`, in order: an effect's position is part of its key. */
  effects: PendingEffect[];
  /** The transition's input, for templates (`{{ input.motif }}`). */
  input: Record<string, unknown>;
}

/**
 * Transactional outbox: writes one pg-boss job per mail, webhook or letter effect in
 * the caller's transaction, so the jobs commit or roll back with the dossier change
 * (docs/SECURITY.md §23). Other effect types (assign, route, due date, priority) were already
 * applied to the snapshot by the engine and are skipped. Retry limit and backoff are
 * the queues' (see `ensureJobSchema`), which must have run once on the database.
 *
 * Each job carries `effectKey = ${dossierId}:${eventSeq}:${index}` (index in
 * `effects`) and a job id derived from it, so enqueuing the same effect twice is
 * harmless and the worker can make the effect happen once (`effect_runs`).
 *
 * @example
 * await db.transaction(async (tx) => {
 *   const seq = await appendTransitionEvent(tx, ...);
 *   await enqueueEffects(tx, {
 *     tenantId, dossierId, reference: 'AIDE-2026-000001', eventSeq: seq,
 *     demarcheId, version: 1, effects: outcome.effects, input,
 *   });
 * });
 */
export async function enqueueEffects(tx: AppTransaction, job: EffectsToEnqueue): Promise<void> {
  // Sent together (pipelined on the transaction's connection), not one round trip each.
  await settleAll(
    job.effects.map(async (pending, index) => {
      const effect = pending.effect;
      if (!isDurableEffect(effect)) return;
      const effectKey = effectKeyOf(job.dossierId, job.eventSeq, index);
      const data: EffectJobData = {
        effectKey,
        tenantId: job.tenantId,
        dossierId: job.dossierId,
        reference: job.reference,
        eventSeq: String(job.eventSeq),
        demarcheId: job.demarcheId,
        version: job.version,
        transition: pending.transition,
        effect,
        input: job.input,
        ...(pending.unit === undefined ? {} : { unit: pending.unit }),
      };
      const name = EFFECT_QUEUES[effect.type];
      const id = effectIdOf(job.tenantId, effectKey);
      await sendJob(tx, name, data, { id, singletonKey: effectKey });
    }),
  );
}
