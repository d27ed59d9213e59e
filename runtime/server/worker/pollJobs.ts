import type PgBoss from 'pg-boss';
import { wakeAfter } from '../core/wakeAfter.ts';
import type { EffectLog } from '../effects/index.ts';

/** A queue and what to do with one of its jobs. */
export interface JobHandler {
  queue: string;
  perform(data: unknown): Promise<unknown>;
  /** What the log may say of a job (never its data). */
  describe(data: unknown): { effectKey: string; kind: string };
}

/** One poller: fetch a job, perform it, record it; sleep when the queue is empty. */
export async function poll(options: {
  boss: PgBoss;
  handler: JobHandler;
  log: EffectLog;
  intervalMs: number;
  idle: AbortSignal;
}): Promise<void> {
  const { boss, handler, log, idle } = options;
  const { queue } = handler;
  while (!idle.aborted) {
    const [job] = await boss.fetch<unknown>(queue, { batchSize: 1 }).catch(() => []);
    if (!job) {
      await wakeAfter(options.intervalMs, idle);
      continue;
    }
    try {
      const outcome = await handler.perform(job.data);
      await boss.complete(queue, job.id, outcome as object);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log({ level: 'error', message, ...handler.describe(job.data) });
      // Marks it for a retry after the queue's backoff, or failed for good past the limit.
      // If even that fails, the job stays active and pg-boss re-offers it when it expires.
      await boss.fail(queue, job.id, { message }).catch(() => {
        log({
          level: 'error',
          message: 'could not record a job failure',
          effectKey: handler.describe(job.data).effectKey,
        });
      });
    }
  }
}
