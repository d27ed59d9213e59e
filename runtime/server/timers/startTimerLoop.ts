import type { Database } from '../../db/index.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { wakeAfter } from '../core/wakeAfter.ts';
import { fireDueTimers } from './fireDueTimers.ts';
import { consoleTimerLog, type TimerLog } from './timerLog.ts';

export interface TimerLoopOptions {
  database: Pick<Database, 'db'>;
  enqueue: EnqueueEffects;
  clock?: () => Date;
  /** Pause between the end of a run and the next one. Default 60 s. */
  intervalMs?: number;
  /** Dossiers read per query. Default 100. */
  limit?: number;
  log?: TimerLog;
}

export interface RunningTimerLoop {
  /** Stops the loop: a run in progress ends after its current dossier; then resolves. */
  stop(): Promise<void>;
}

/**
 * Runs `fireDueTimers` at once, then again `intervalMs` after each run ends (runs never
 * overlap in a process; across processes the row lock and revision check keep each
 * transition single). A failed run is logged and the loop goes on. Plain timers in the
 * process rather than a pg-boss schedule: nothing to install, and `stop()` (SIGTERM,
 * docs/SECURITY.md §26) waits for the run in progress, which commits or rolls back its current
 * dossier and starts no other.
 *
 * @example
 * const timers = startTimerLoop({ database, enqueue: enqueueEffects, intervalMs: 60_000 });
 * process.on('SIGTERM', async () => { await timers.stop(); await database.close(); });
 */
export function startTimerLoop(options: TimerLoopOptions): RunningTimerLoop {
  const log = options.log ?? consoleTimerLog;
  const stopping = new AbortController();
  const signal = stopping.signal;
  const loop = (async () => {
    while (!signal.aborted) {
      try {
        const summary = await fireDueTimers({
          database: options.database,
          clock: options.clock ?? (() => new Date()),
          enqueue: options.enqueue,
          ...(options.limit === undefined ? {} : { limit: options.limit }),
          log,
          signal,
        });
        if (Object.values(summary).some((count) => count > 0)) {
          log({ level: 'info', message: 'timer run', summary });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log({ level: 'error', message: `timer run failed: ${message}` });
      }
      await wakeAfter(options.intervalMs ?? 60_000, signal);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
