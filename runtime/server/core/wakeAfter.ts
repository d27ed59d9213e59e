import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits `ms`, or less if `signal` aborts: background loops (effect pollers, timers) sleep
 * with it and wake at once on stop. The abort is the wake-up, not an error.
 *
 * @example
 * while (!signal.aborted) { await work(); await wakeAfter(60_000, signal); }
 */
export function wakeAfter(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch((error: unknown) => {
    if (!signal.aborted) throw error;
  });
}
