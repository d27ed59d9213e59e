import type { PendingQuery, ReservedSql, Row, Sql, TransactionSql } from 'postgres';
import { reserveGuarded } from './guardedReserve.ts';

type Callback = (tx: TransactionSql) => unknown;

/**
 * How long a transaction may take, seen from here. PostgreSQL ends a statement after
 * 30 s itself (`statement_timeout`, openPostgres.ts); this bound is for a connection
 * that stops answering without closing (a network that drops packets, a frozen host),
 * which TCP keepalive notices only after minutes: the request fails (503) instead.
 */
export const TRANSACTION_DEADLINE_MS = 40_000;

/**
 * The postgres.js client with a `begin` whose BEGIN travels with the transaction's first
 * statements instead of costing a round trip (and a socket write, the dearest thing a
 * submit does on these machines: runtime/server/bench/README.md) of its own.
 *
 * postgres.js awaits BEGIN before it runs the callback; here the transaction runs on a
 * reserved connection, BEGIN is sent without waiting, and whatever the callback sends in
 * the same tick is pipelined behind it. The connection executes in order, so those
 * statements are inside the transaction. BEGIN itself cannot fail on a live connection
 * (inside a transaction it only warns), and on a dead one every statement behind it
 * fails too. Then COMMIT, or ROLLBACK if anything threw; the connection goes back to the
 * pool unless it was lost (`reserveGuarded`). Savepoints (drizzle's nested transactions) work as in postgres.js.
 *
 * @example
 * const db = drizzle(alwaysPrepared(withPipelinedBegin(postgres(url))), { schema });
 */
export function withPipelinedBegin(client: Sql, deadlineMs = TRANSACTION_DEADLINE_MS): Sql {
  const begin = async (...args: unknown[]) => {
    const callback = args.pop() as Callback;
    const mode = typeof args[0] === 'string' ? args[0].replace(/[^a-z ]/gi, '') : '';
    const connection = await reserveGuarded(client);
    const begun = connection.sql
      .unsafe(`begin ${mode}`, [], connection.firstStatementOptions)
      .execute();
    // Its failure surfaces through the statements queued behind it.
    begun.catch(() => {});
    try {
      // As postgres.js's own begin: a connection closing mid-transaction fails it at
      // once, even when its statements wait in postgres.js's queue and never settle.
      const deadline = setTimeout(
        () => connection.abandon(transactionTimeout(deadlineMs)),
        deadlineMs,
      );
      try {
        const result = await Promise.race([
          callback(asTransaction(connection.sql)),
          connection.lost,
        ]);
        await Promise.race([begun, connection.lost]);
        await Promise.race([connection.sql.unsafe('commit'), connection.lost]);
        return result;
      } finally {
        clearTimeout(deadline);
      }
    } catch (error) {
      connection.noteFailure(error);
      if (!connection.isLost()) {
        await connection.sql.unsafe('rollback').catch((failure: unknown) => {
          connection.noteFailure(failure);
        });
      }
      throw error;
    } finally {
      connection.release();
    }
  };
  return new Proxy(client, {
    get: (target, key, receiver) => (key === 'begin' ? begin : Reflect.get(target, key, receiver)),
  });
}

function transactionTimeout(deadlineMs: number): Error {
  return Object.assign(new Error(`the database did not answer within ${deadlineMs} ms`), {
    code: 'TRANSACTION_TIMEOUT',
  });
}

/** The reserved connection with `savepoint`, as postgres.js gives a transaction. */
function asTransaction(reserved: ReservedSql): TransactionSql {
  let savepoints = 0;
  const tx = reserved as unknown as TransactionSql;
  const run = (text: string): PendingQuery<Row[]> => reserved.unsafe(text);
  tx.savepoint = (async (...args: unknown[]) => {
    const callback = args.pop() as Callback;
    savepoints += 1;
    const name = `s${savepoints}`;
    await run(`savepoint ${name}`);
    try {
      const result = await callback(tx);
      await run(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await run(`rollback to savepoint ${name}`);
      throw error;
    }
  }) as TransactionSql['savepoint'];
  return tx;
}
