import type { PendingQuery, ReservedSql, Row, Sql } from 'postgres';
import { POOL_WAIT_MS, reserveWithin } from './boundedReserve.ts';
import { isConnectionLost } from './connectionLost.ts';

/** A connection taken out of postgres.js's pool that knows when it is gone. */
export interface GuardedConnection {
  /** The reserved connection; its `unsafe` fails at once once the connection is lost. */
  readonly sql: ReservedSql;
  /** Rejects when the connection closes while reserved; never resolves otherwise. */
  readonly lost: Promise<never>;
  /** Whether the connection closed, or a statement on it failed with a connection error. */
  isLost(): boolean;
  /** Notes a statement's failure: a connection error marks the connection lost. */
  noteFailure(error: unknown): void;
  /** Hands a live connection back to the pool; a lost one is left to postgres.js. */
  release(): void;
  /** Gives up on a connection that stopped answering: marks it lost with `error` and
   * closes it, failing whatever waits on it. */
  abandon(error: unknown): void;
}

/** The part of postgres.js's connection object this guard touches. */
interface PostgresConnection {
  onclose: ((error: unknown) => void) | null;
  terminate(): void;
}

/**
 * `client.reserve()`, made safe against connection loss. postgres.js hands the reserved
 * `sql` a fixed connection object and keeps sending to it after the socket closed: the
 * write then goes to a null socket (an uncaught `TypeError ... reading 'write'` from a
 * setImmediate, which killed the server), and `release()` puts the closed connection back
 * among the open ones. So the first statement registers for the connection's close (the
 * `onclose` hook postgres.js's own `begin` uses), statements sent after a loss fail at
 * once without reaching postgres.js, and a lost connection is never released. Waiting
 * for the connection is bounded (`reserveWithin`).
 *
 * @example
 * const connection = await reserveGuarded(client);
 * await connection.sql.unsafe('select 1', [], connection.firstStatementOptions);
 */
export async function reserveGuarded(client: Sql): Promise<GuardedConnection & FirstStatement> {
  const reserved = await reserveWithin(client, POOL_WAIT_MS);
  let lostError: unknown = null;
  let connection: PostgresConnection | null = null;
  let markLost: (error: unknown) => void = () => {};
  const lost = new Promise<never>((_, reject) => {
    markLost = (error) => {
      if (lostError !== null) return;
      lostError = error;
      reject(error);
    };
  });
  lost.catch(() => {});
  const unsafe = reserved.unsafe.bind(reserved);
  const guardedUnsafe = ((...args: Parameters<ReservedSql['unsafe']>) =>
    lostError === null ? unsafe(...args) : failedQuery(lostError)) as ReservedSql['unsafe'];
  const sql = new Proxy(reserved, {
    get: (target, key, receiver) =>
      key === 'unsafe' ? guardedUnsafe : Reflect.get(target, key, receiver),
  });
  return {
    sql,
    lost,
    isLost: () => lostError !== null,
    noteFailure: (error) => {
      if (isConnectionLost(error)) markLost(error);
    },
    abandon: (error) => {
      markLost(error);
      connection?.terminate();
    },
    release: () => {
      if (lostError !== null) return;
      if (connection !== null) connection.onclose = null;
      reserved.release();
    },
    firstStatementOptions: {
      // Called by postgres.js with its connection object once the statement is written;
      // a truthy return tells it the connection may take more statements.
      onexecute: (executing: unknown) => {
        connection = executing as PostgresConnection;
        connection.onclose = markLost;
        return true;
      },
    } as never,
  };
}

/** Options for the first statement sent on the connection: they register the close hook. */
export interface FirstStatement {
  readonly firstStatementOptions: Record<string, never>;
}

/** A statement that fails with `error`, shaped as drizzle and our code use a query. */
function failedQuery(error: unknown): PendingQuery<Row[]> {
  const failed = Promise.reject(error);
  failed.catch(() => {});
  return Object.assign(failed, {
    values: () => failed,
    raw: () => failed,
    execute: () => failed,
    simple: () => failed,
  }) as unknown as PendingQuery<Row[]>;
}
