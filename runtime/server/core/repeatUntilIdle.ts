import { wakeAfter } from './wakeAfter.ts';

/** The one line a failed turn logs; the worker's log takes it as it is. */
export interface FailedTurnEntry {
  level: 'error';
  message: string;
  kind: string;
}

/**
 * Runs `turn` at once, then again `intervalMs` after each turn ends, until `idle` aborts
 * (the sleep wakes at once on it; a turn in progress is finished, never cut). A turn that
 * throws is logged as an error of `kind` and the loop goes on: a background chore of the
 * worker outlives a database that was briefly away.
 *
 * @example
 * await repeatUntilIdle({ turn: () => sweep(db), intervalMs: 60_000, idle, log, kind: 'scan' });
 */
export async function repeatUntilIdle(options: {
  turn: () => Promise<void>;
  intervalMs: number;
  idle: AbortSignal;
  log: (entry: FailedTurnEntry) => void;
  kind: string;
}): Promise<void> {
  const { idle } = options;
  while (!idle.aborted) {
    try {
      await options.turn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log({ level: 'error', message, kind: options.kind });
    }
    await wakeAfter(options.intervalMs, idle);
  }
}
