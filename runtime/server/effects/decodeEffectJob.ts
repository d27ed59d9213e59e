import { z } from 'zod';
import type { EffectJobData } from './effectJob.ts';

const recipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('applicant') }),
  z.object({ kind: z.literal('assignee') }),
  z.object({ kind: z.literal('unit') }),
  z.object({ kind: z.literal('email'), address: z.string() }),
  z.object({ kind: z.literal('field'), field: z.string() }),
]);

const durableEffect = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notify'), template: z.string(), to: recipient }),
  z.object({ type: z.literal('webhook'), url: z.string(), event: z.string().exactOptional() }),
  z.object({ type: z.literal('letter'), template: z.string() }),
]);

/**
 * What a job row of an effect queue must hold: checked when the worker takes it, since
 * `pgboss.job.data` is plain JSON written by an earlier (maybe older) process.
 */
export const effectJobDataSchema = z.object({
  effectKey: z.string(),
  tenantId: z.string(),
  dossierId: z.string(),
  reference: z.string().nullable(),
  eventSeq: z.string(),
  demarcheId: z.string(),
  version: z.number().int(),
  transition: z.string(),
  effect: durableEffect,
  input: z.record(z.string(), z.unknown()),
  unit: z.string().nullable().exactOptional(),
}) satisfies z.ZodType<EffectJobData>;

/**
 * The job's data as an `EffectJobData`, or a thrown error naming what is wrong (the job
 * then fails and is kept, rather than performing half an effect on a malformed payload).
 *
 * @example
 * const job = decodeEffectJob(fetched.data);
 */
export function decodeEffectJob(data: unknown): EffectJobData {
  const parsed = effectJobDataSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  throw new Error(`guichet: malformed effect job (${where})`);
}
