import { createHash } from 'node:crypto';
import type { Effect } from '../../../shared/definition/types.ts';

/** The effects performed after commit by the worker; the others change the snapshot in `apply`. */
export type DurableEffect = Extract<Effect, { type: 'notify' | 'webhook' | 'letter' }>;

/** One pg-boss queue per durable effect type, so each gets its own retry policy and workers. */
export const EFFECT_QUEUES = {
  notify: 'effect-notify',
  webhook: 'effect-webhook',
  letter: 'effect-letter',
} as const satisfies Record<DurableEffect['type'], string>;

/**
 * The data of one effect job, as stored in `pgboss.job.data` (plain JSON). Everything a
 * handler needs that may not be read back later: the effect itself, the transition's
 * input (templates use `{{ input.motif }}`) and the published version it was decided on.
 */
export interface EffectJobData {
  /** `${dossierId}:${eventSeq}:${index}`: stable across redeliveries, the idempotency key. */
  effectKey: string;
  tenantId: string;
  dossierId: string;
  reference: string | null;
  /** `seq` of the dossier event whose transition decided the effect. */
  eventSeq: string;
  demarcheId: string;
  version: number;
  transition: string;
  effect: DurableEffect;
  input: Record<string, unknown>;
  /**
   * The unit a mail `to: unit` goes to when it is not the dossier's own: the transition
   * moved the dossier after deciding this mail (a transfer tells the union it leaves).
   * Absent: the dossier's unit when the mail is sent.
   */
  unit?: string | null;
}

/**
 * Keeps only the effects the worker performs.
 *
 * @example
 * isDurableEffect({ type: 'notify', template: 'decision', to: { kind: 'applicant' } }) // true
 * isDurableEffect({ type: 'route' }) // false
 */
export function isDurableEffect(effect: Effect): effect is DurableEffect {
  return effect.type === 'notify' || effect.type === 'webhook' || effect.type === 'letter';
}

/**
 * The idempotency key of the `index`-th effect of a dossier event.
 *
 * @example
 * effectKeyOf('0b7c…', 4, 1) // '0b7c…:4:1'
 */
export function effectKeyOf(dossierId: string, eventSeq: number | string, index: number): string {
  return `${dossierId}:${eventSeq}:${index}`;
}

/**
 * A UUID derived from the tenant and the effect key: the pg-boss job id and the
 * webhook event id. Deterministic, so enqueuing the same effect twice inserts one job
 * (pg-boss's insert is `on conflict do nothing`) and a redelivered webhook carries the
 * same id. Hash-based (RFC 9562 version 8 layout), not random.
 *
 * @example
 * effectIdOf(tenantId, '0b7c…:4:1') // '3f1e…-…' (always the same for these inputs)
 */
export function effectIdOf(tenantId: string, effectKey: string): string {
  const hex = createHash('sha256')
    .update(`guichet-effect\u0000${tenantId}\u0000${effectKey}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
