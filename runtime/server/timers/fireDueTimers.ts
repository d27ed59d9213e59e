import { randomUUID } from 'node:crypto';
import type { StateTimer } from '../../../shared/engine/index.ts';
import type { Database } from '../../db/index.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { type DossierRow, loadPublishedVersion } from '../dossiers/index.ts';
import { type DuePageKey, dueDossierPage } from './dueDossierPage.ts';
import { dueMilestonePage } from './dueMilestonePage.ts';
import { fireDueTimer } from './fireDueTimer.ts';
import { listTimedVersions, type TimedVersion } from './timedVersions.ts';
import { consoleTimerLog, type TimerLog, type TimerRunSummary } from './timerLog.ts';

export interface FireDueTimersOptions {
  database: Pick<Database, 'db'>;
  clock: () => Date;
  /** The transactional outbox (`enqueueEffects`): effect jobs commit with the transition. */
  enqueue: EnqueueEffects;
  /** Dossiers read per query. Default 100. */
  limit?: number;
  log?: TimerLog;
  /** Aborted: the run stops before its next dossier (SIGTERM). */
  signal?: AbortSignal;
}

interface Run {
  options: FireDueTimersOptions;
  log: TimerLog;
  limit: number;
  requestId: string;
  summary: TimerRunSummary;
}

/**
 * Fires every timer transition that is due, in every tenant, as the system: for each
 * published version with timers and each (state, `after`) timer, the dossiers of that
 * version in that state since `latestEntry(now)` or earlier (or, for a timer with `since`,
 * that reached its milestone by then: `dueMilestonePage`), page by page, oldest first;
 * each one checked exactly by the engine (`dueTimers`, guard) and fired through
 * `fireTransition` (see `fireDueTimer`). One dossier's failure is logged and counted,
 * never stops the others. Safe to run in several processes at once: each transition
 * happens once, the other attempts come back `stale`. The run's audit rows and events
 * share one request id, `timers:<uuid>`.
 *
 * @example
 * const summary = await fireDueTimers({ database, clock: () => new Date(), enqueue: enqueueEffects });
 * // { fired: 3, stale: 0, skipped: 1, failed: 0 }
 */
export async function fireDueTimers(options: FireDueTimersOptions): Promise<TimerRunSummary> {
  const log = options.log ?? consoleTimerLog;
  const run: Run = {
    options,
    log,
    limit: options.limit ?? 100,
    requestId: `timers:${randomUUID()}`,
    summary: { fired: 0, stale: 0, skipped: 0, failed: 0 },
  };
  const versions = await listTimedVersions(options.database.db, (version, error) => {
    log({
      level: 'error',
      message: `published version ${version} unreadable: ${messageOf(error)}`,
    });
  });
  for (const version of versions) {
    for (const timer of version.timers) {
      if (options.signal?.aborted) return run.summary;
      try {
        await fireTimer(run, version, timer);
      } catch (error) {
        // A query of this timer failed (not one dossier): the next timers still run.
        run.summary.failed += 1;
        const message = `timer ${timer.state} → ${timer.transition} of ${version.demarcheId} v${version.version} failed: ${messageOf(error)}`;
        log({ level: 'error', message, transition: timer.transition });
      }
    }
  }
  return run.summary;
}

/** Pages through the dossiers one timer may concern and fires the due ones. */
async function fireTimer(run: Run, version: TimedVersion, timer: StateTimer): Promise<void> {
  const { db } = run.options.database;
  const published = await loadPublishedVersion(
    db,
    version.tenantId,
    version.demarcheId,
    version.version,
  );
  if (published === null) return;
  let after: DuePageKey | null = null;
  for (;;) {
    const page = await duePage(run, version, timer, after);
    for (const { row, key, milestones } of page) {
      if (run.options.signal?.aborted) return;
      after = key;
      const target = { row, published, transition: timer.transition, milestones };
      const outcome = await fireOne(run, target);
      // Oldest first, and a later entry is due later: the rest of the page is not due.
      if (outcome === 'notDue') return;
    }
    if (page.length < run.limit) return;
  }
}

/**
 * The next page of dossiers a timer may concern: by entry into the state, or for a timer
 * with `since`, by the instant of its milestone (with that milestone, for the exact check).
 */
async function duePage(
  run: Run,
  version: TimedVersion,
  timer: StateTimer,
  after: DuePageKey | null,
): Promise<Array<{ row: DossierRow; key: DuePageKey; milestones?: Record<string, string> }>> {
  const { db } = run.options.database;
  const bound = timer.latestEntry(run.options.clock());
  const request = { version, state: timer.state, after, limit: run.limit };
  if (timer.since === undefined) return dueDossierPage(db, { ...request, enteredBy: bound });
  const since = timer.since;
  const page = await dueMilestonePage(db, {
    ...request,
    milestone: since,
    transition: timer.transition,
    reachedBy: bound,
  });
  return page.map(({ row, key, milestoneAt }) => ({
    row,
    key,
    milestones: { [since]: milestoneAt },
  }));
}

/** One dossier, its failure contained. */
async function fireOne(
  run: Run,
  target: Parameters<typeof fireDueTimer>[1],
): Promise<'notDue' | 'done'> {
  const { transition, row } = target;
  const entry = { dossierId: row.id, transition };
  try {
    const outcome = await fireDueTimer(
      {
        db: run.options.database.db,
        enqueue: run.options.enqueue,
        now: run.options.clock(),
        requestId: run.requestId,
      },
      target,
    );
    if (outcome.kind === 'notDue') return 'notDue';
    run.summary[outcome.kind] += 1;
    if (outcome.kind === 'fired') run.log({ level: 'info', message: 'timer fired', ...entry });
    else run.log({ level: 'info', message: `timer ${outcome.kind}`, ...entry, code: outcome.code });
  } catch (error) {
    run.summary.failed += 1;
    run.log({ level: 'error', message: `timer failed: ${messageOf(error)}`, ...entry });
  }
  return 'done';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
