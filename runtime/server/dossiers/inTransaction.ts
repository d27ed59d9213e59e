import type { Result } from '../../../shared/result.ts';
import type { AppDatabase, AppTransaction } from '../../db/index.ts';

/** Carries a refusal out of drizzle's transaction callback, which rolls back on throw. */
class Refused<E> extends Error {
  constructor(readonly error: E) {
    super('guichet: transaction refused');
  }
}

/**
 * Runs `work` in one transaction and commits only if it returns `ok`: a refusal found
 * half-way (a stale revision, a guard) rolls back whatever was written before it — the
 * idempotency key, the reference number — and comes back as a value. Exceptions roll
 * back too and propagate.
 *
 * @example
 * const result = await inTransaction(db, async (tx) => {
 *   await tx.insert(events).values(row);
 *   return guardHolds ? ok(view) : err(guardFailed);
 * });
 */
export async function inTransaction<T, E>(
  db: AppDatabase,
  work: (tx: AppTransaction) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Refused(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error as E };
    throw error;
  }
}
