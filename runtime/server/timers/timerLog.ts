/** What a run of the timers did; `stale`: the dossier had moved on (another process). */
export interface TimerRunSummary {
  fired: number;
  stale: number;
  skipped: number;
  failed: number;
}

/** One structured log line of the timers. Never form data. */
export interface TimerLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  dossierId?: string;
  transition?: string;
  /** The refusal code of a skipped or stale timer (GUARD_FAILED, STALE_REVISION…). */
  code?: string;
  summary?: TimerRunSummary;
}

export type TimerLog = (entry: TimerLogEntry) => void;

/**
 * The default log: one JSON line per entry on stderr, for the process supervisor.
 *
 * @example
 * consoleTimerLog({ level: 'info', message: 'timer skipped', code: 'GUARD_FAILED' });
 */
export const consoleTimerLog: TimerLog = (entry) => {
  console.error(JSON.stringify({ at: new Date().toISOString(), source: 'timers', ...entry }));
};
