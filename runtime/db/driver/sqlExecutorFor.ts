import type { AppDatabase, ExecuteSql } from '../types.ts';
import { rowsOf, toDriverValues } from './driverValues.ts';

/**
 * Raw parametrised SQL on a drizzle database or transaction, on either driver: the
 * adapter pg-boss needs to enqueue a job inside our transaction (the transactional
 * outbox), so the job commits or rolls back with the dossier change.
 *
 * It goes through drizzle's own session (`db._.session`), which on both drivers passes
 * the text and values straight to the client bound to the transaction. One statement
 * per call (extended protocol); use `Database.executeSql` for multi-statement scripts.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.insert(dossiers).values(row);
 *   await boss.send('effects', payload, { db: { executeSql: sqlExecutorFor(tx) } });
 * });
 */
export function sqlExecutorFor(executor: AppDatabase): ExecuteSql {
  const session = executor._.session;
  return async (text, values = []) => {
    const prepared = session.prepareQuery(
      { sql: text, params: toDriverValues(values) },
      undefined,
      undefined,
      false,
    );
    return { rows: rowsOf(await prepared.execute()) };
  };
}
