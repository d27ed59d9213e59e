import { requeueStalledScans } from '../attachments/index.ts';
import { wakeAfter } from '../core/wakeAfter.ts';
import type { EffectDeps, EffectLog } from '../effects/index.ts';

/**
 * Re-queues, now and then, the pending files whose scan job used up its retries while
 * the scanner was down (`requeueStalledScans`): none stays pending for good.
 */
export async function sweepStalledScans(options: {
  deps: EffectDeps;
  intervalMs: number;
  idle: AbortSignal;
}): Promise<void> {
  const { deps, idle } = options;
  while (!idle.aborted) {
    await wakeAfter(options.intervalMs, idle);
    if (idle.aborted) return;
    try {
      const requeued = await requeueStalledScans(deps.db);
      if (requeued > 0) {
        deps.log({ level: 'warn', message: `${requeued} stalled scans re-queued`, kind: 'scan' });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log({ level: 'error', message, kind: 'scan' });
    }
  }
}

/**
 * Deletes expired queue exports and their files now and then (`purgeExpiredExports`): a
 * finished export is kept `EXPORT_LIFETIME_DAYS` for its requester, then goes.
 */
export async function purgeExportsLoop(options: {
  purge: () => Promise<number>;
  intervalMs: number;
  idle: AbortSignal;
  log: EffectLog;
}): Promise<void> {
  const { idle } = options;
  while (!idle.aborted) {
    try {
      const purged = await options.purge();
      if (purged > 0) options.log({ level: 'info', message: `${purged} expired exports deleted` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log({ level: 'error', message, kind: 'export' });
    }
    await wakeAfter(options.intervalMs, idle);
  }
}
