import { requeueStalledScans } from '../attachments/index.ts';
import { repeatUntilIdle } from '../core/repeatUntilIdle.ts';
import { wakeAfter } from '../core/wakeAfter.ts';
import type { EffectDeps, EffectLog } from '../effects/index.ts';

/**
 * Re-queues, now and then, the pending files whose scan job used up its retries while
 * the scanner was down (`requeueStalledScans`): none stays pending for good. The first
 * sweep comes one interval after the start, not at it.
 */
export async function sweepStalledScans(options: {
  deps: EffectDeps;
  intervalMs: number;
  idle: AbortSignal;
}): Promise<void> {
  const { deps, idle } = options;
  await wakeAfter(options.intervalMs, idle);
  if (idle.aborted) return;
  await repeatUntilIdle({
    turn: async () => {
      const requeued = await requeueStalledScans(deps.db);
      if (requeued > 0) {
        deps.log({ level: 'warn', message: `${requeued} stalled scans re-queued`, kind: 'scan' });
      }
    },
    intervalMs: options.intervalMs,
    idle,
    log: deps.log,
    kind: 'scan',
  });
}

/**
 * Deletes expired queue exports and their files now and then (`purgeExpiredExports`): a
 * finished export is kept `EXPORT_LIFETIME_DAYS` for its requester, then goes.
 */
export function purgeExportsLoop(options: {
  purge: () => Promise<number>;
  intervalMs: number;
  idle: AbortSignal;
  log: EffectLog;
}): Promise<void> {
  return repeatUntilIdle({
    turn: async () => {
      const purged = await options.purge();
      if (purged > 0) options.log({ level: 'info', message: `${purged} expired exports deleted` });
    },
    intervalMs: options.intervalMs,
    idle: options.idle,
    log: options.log,
    kind: 'export',
  });
}
