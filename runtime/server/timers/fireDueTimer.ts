import { apply, dueTimers, SYSTEM_ACTOR } from '../../../shared/engine/index.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import {
  type DossierContext,
  type DossierRow,
  fireTransition,
  inTransaction,
  type PublishedVersion,
  toSnapshot,
  unitsFromDatabase,
} from '../dossiers/index.ts';
import { systemSession } from './systemSession.ts';

/**
 * - `fired`: the transition committed;
 * - `stale`: the dossier moved on since it was read — another process fired the timer,
 *   someone acted, it was withdrawn or purged: nothing left to do;
 * - `skipped`: the engine refuses it now (a guard, a `by` without `system`): tried again
 *   next run, as the data may change;
 * - `notDue`: its delay has not run out yet.
 */
export type TimerOutcome =
  | { kind: 'fired' }
  | { kind: 'stale' | 'skipped'; code: string }
  | { kind: 'notDue' };

export interface DueTimerTarget {
  row: DossierRow;
  published: PublishedVersion;
  transition: string;
  /** For a timer with `since`: the milestone instant its page found. */
  milestones?: Record<string, string> | undefined;
}

/** Refusals meaning the dossier is no longer where the timer found it. */
const MOVED_ON = new Set(['STALE_REVISION', 'NOT_FROM_STATE', 'FINAL_STATE', 'NOT_FOUND']);

/**
 * Fires one timer transition on a dossier as the system, through the path agents use:
 * `fireTransition` in one transaction — row lock, revision check against the revision
 * read, event, effect jobs, audit row. The engine first decides on the row already read
 * (due time, guard), so a dossier whose guard blocks its timer costs no transaction at
 * every run. Two processes firing the same timer: the second waits on the row lock, then
 * finds another revision and reports `stale`. Exceptions (the database) propagate.
 *
 * @example
 * const outcome = await fireDueTimer({ db, enqueue, now, requestId }, {
 *   row, published, transition: 'expirer',
 * });
 */
export async function fireDueTimer(
  run: { db: AppDatabase; enqueue: EnqueueEffects; now: Date; requestId: string },
  target: DueTimerTarget,
): Promise<TimerOutcome> {
  const { row, published, transition } = target;
  const definition = published.definition;
  const snapshot = { ...toSnapshot(row), milestones: target.milestones ?? {} };
  const timer = dueTimers(definition, snapshot).find((due) => due.transition === transition);
  if (timer === undefined) return { kind: 'stale', code: 'NOT_FROM_STATE' };
  if (timer.at > run.now.toISOString()) return { kind: 'notDue' };
  const action = { transition, revision: row.revision };
  const decided = apply(definition, snapshot, action, undefined, SYSTEM_ACTOR, run.now);
  if (!decided.ok) return refusal(decided.error.code);

  const context: DossierContext = {
    db: run.db,
    session: systemSession(row.tenantId),
    now: run.now,
    requestId: run.requestId,
    units: unitsFromDatabase,
  };
  const request = { id: row.id, transition, input: undefined, revision: row.revision };
  const fired = await inTransaction(run.db, (tx) =>
    fireTransition(tx, context, { ...request, draft: 'never' }, run.enqueue),
  );
  return fired.ok ? { kind: 'fired' } : refusal(fired.error.code);
}

function refusal(code: string): TimerOutcome {
  return { kind: MOVED_ON.has(code) ? 'stale' : 'skipped', code };
}
