/**
 * What other folders may import from effects; every other file here is internal to it.
 * Named exports only, so the surface stays visible.
 */

export { decodeEffectJob, effectJobDataSchema } from './decodeEffectJob.ts';
export type { EffectDeps, EffectLog, EffectLogEntry } from './effectDeps.ts';
export { consoleEffectLog } from './effectDeps.ts';
export type { DurableEffect, EffectJobData } from './effectJob.ts';
export { EFFECT_QUEUES, effectIdOf, effectKeyOf } from './effectJob.ts';
export { enqueueEffects } from './enqueueEffects.ts';
export type { EffectRetryPolicy } from './jobSchema.ts';
export {
  DEFAULT_EFFECT_RETRY,
  ensureJobSchema,
  PGBOSS_SCHEMA,
  SCAN_QUEUE,
  STAFF_INVITATION_QUEUE,
} from './jobSchema.ts';
export { sendJob } from './jobSender.ts';
export { loadEffectDossier } from './loadEffectDossier.ts';
export type { Mailer } from './mailer.ts';
export { createMailer } from './mailer.ts';
export { performEffect } from './performEffect.ts';
export { fieldAddress, resolveRecipients } from './resolveRecipients.ts';
export { sealAuditLoop } from './sealAuditLoop.ts';
