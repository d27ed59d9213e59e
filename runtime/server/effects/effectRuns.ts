import { and, eq, sql } from 'drizzle-orm';
import { type AppDatabase, effectRuns } from '../../db/index.ts';
import type { EffectDeps } from './effectDeps.ts';
import type { EffectJobData } from './effectJob.ts';

/** What became of an effect, stored in `effect_runs.result` and returned by handlers. */
export type EffectOutcome =
  | { status: 'done'; detail?: Record<string, unknown> }
  /** An earlier run finished it: nothing was done this time. */
  | { status: 'already-done' }
  /** Nothing to do, by design (no SMTP configured, no recipient, dossier purged). */
  | { status: 'skipped'; reason: string }
  /** Cannot succeed by retrying (broken template, refused webhook target). */
  | { status: 'failed'; reason: string; detail?: string };

/**
 * Records that a run of the effect starts, unless one already finished it. Returns
 * false when the effect is done: the caller must not perform it again (docs/SECURITY.md §24).
 *
 * An unfinished row (a run that crashed or failed before recording success) is claimed
 * again, refreshing `started_at`, so `effect_runs` shows when the last attempt began.
 * Inside a transaction, a concurrent run of the same key waits on the row lock and
 * then sees it done.
 *
 * @example
 * if (!(await claimEffectRun(db, job, 'notify'))) return { status: 'already-done' };
 */
export async function claimEffectRun(
  db: AppDatabase,
  job: Pick<EffectJobData, 'tenantId' | 'effectKey' | 'dossierId'>,
  kind: string,
): Promise<boolean> {
  const claimed = await db
    .insert(effectRuns)
    .values({ tenantId: job.tenantId, effectKey: job.effectKey, kind, dossierId: job.dossierId })
    .onConflictDoUpdate({
      target: [effectRuns.tenantId, effectRuns.effectKey],
      set: { startedAt: sql`excluded.started_at` },
      setWhere: sql`${effectRuns.doneAt} is null`,
    })
    .returning({ effectKey: effectRuns.effectKey });
  return claimed.length > 0;
}

/**
 * Marks the effect finished with its outcome: later runs of the same key do nothing.
 *
 * @example
 * await completeEffectRun(db, job, { status: 'done', detail: { messageId } });
 */
export async function completeEffectRun(
  db: AppDatabase,
  job: Pick<EffectJobData, 'tenantId' | 'effectKey'>,
  outcome: EffectOutcome,
): Promise<void> {
  await db
    .update(effectRuns)
    .set({ doneAt: sql`now()`, result: outcome })
    .where(and(eq(effectRuns.tenantId, job.tenantId), eq(effectRuns.effectKey, job.effectKey)));
}

/**
 * Completes the run and logs what was not a success (reason codes only, never data),
 * then hands the outcome back, so handlers can `return finishEffect(...)`.
 *
 * @example
 * return finishEffect(deps, job, 'notify', { status: 'skipped', reason: 'NO_RECIPIENT' });
 */
export async function finishEffect(
  deps: Pick<EffectDeps, 'db' | 'log'>,
  job: Pick<EffectJobData, 'tenantId' | 'effectKey'>,
  kind: string,
  outcome: EffectOutcome,
): Promise<EffectOutcome> {
  await completeEffectRun(deps.db, job, outcome);
  if (outcome.status === 'skipped' || outcome.status === 'failed') {
    deps.log({
      level: 'warn',
      message: `${kind} effect ${outcome.status}`,
      effectKey: job.effectKey,
      kind,
      reason: outcome.reason,
    });
  }
  return outcome;
}
