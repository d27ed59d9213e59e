import type { PendingQuery, ReservedSql, Row, Sql, TransactionSql } from 'postgres';

type Callback = (tx: TransactionSql) => unknown;

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
 * pool either way. Savepoints (drizzle's nested transactions) work as in postgres.js.
 *
 * @example
 * const db = drizzle(alwaysPrepared(withPipelinedBegin(postgres(url))), { schema });
 */
export function withPipelinedBegin(client: Sql): Sql {
  const begin = async (...args: unknown[]) => {
    const callback = args.pop() as Callback;
    const mode = typeof args[0] === 'string' ? args[0].replace(/[^a-z ]/gi, '') : '';
    const reserved = await client.reserve();
    const begun = reserved.unsafe(`begin ${mode}`).execute();
    // Its failure surfaces through the statements queued behind it.
    begun.catch(() => {});
    try {
      const result = await callback(asTransaction(reserved));
      await begun;
      await reserved.unsafe('commit');
      return result;
    } catch (error) {
      await reserved.unsafe('rollback').catch(() => {});
      throw error;
    } finally {
      reserved.release();
    }
  };
  return new Proxy(client, {
    get: (target, key, receiver) => (key === 'begin' ? begin : Reflect.get(target, key, receiver)),
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
