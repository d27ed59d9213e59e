import { drizzle } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from '../schema/index.ts';
import type { Database, ExecuteSql } from '../types.ts';
import { alwaysPrepared } from './alwaysPrepared.ts';
import { withBoundedStart } from './boundedStart.ts';
import { coalescingSocket } from './coalescingSocket.ts';
import { rowsOf } from './driverValues.ts';
import { reserveGuarded } from './guardedReserve.ts';
import { surviveLostTypeFetch } from './lostTypeFetch.ts';
import { migratePostgres } from './migrations.ts';
import { withPipelinedBegin } from './pipelinedBegin.ts';
import { sqlExecutorFor } from './sqlExecutorFor.ts';

const ownSocket = { socket: coalescingSocket };

export interface OpenPostgresOptions {
  url: string;
  /** Pool size; postgres.js opens connections lazily. */
  maxConnections?: number | undefined;
  /** How long a statement may run, in ms (default 30 s); 0: no limit (bulk seeding). */
  statementTimeoutMs?: number | undefined;
  /** How long a transaction may wait on its connection (`TRANSACTION_DEADLINE_MS`). */
  transactionDeadlineMs?: number | undefined;
  migrate: boolean;
}

/**
 * PostgreSQL through postgres.js and `drizzle-orm/postgres-js`, every parametrised
 * statement prepared (`alwaysPrepared`), BEGIN pipelined (`withPipelinedBegin`). Prefer
 * `openDatabase`.
 *
 * @example
 * const database = await openPostgres({ url: process.env.DATABASE_URL!, migrate: true });
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<Database> {
  if (options.migrate) await migratePostgres(options.url);
  surviveLostTypeFetch();
  const client = postgres(options.url, {
    max: options.maxConnections ?? 10,
    // Notices ("already exists, skipping") are noise in logs and tests.
    onnotice: () => {},
    connection: {
      application_name: 'guichet',
      // JIT compiles a plan for seconds' worth of rows; our queries read a page: it only
      // added ~40 ms to capped queue counts on 1,000,000 dossiers.
      jit: 'off',
      // PostgreSQL itself ends a statement stuck 30 s (on a lock held by a transaction
      // whose client is gone) and a transaction left idle 30 s (its locks released), so
      // no request waits on them for good. Nothing the server runs takes seconds;
      // migrations use a client of their own.
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 30_000,
    },
    // A batch of pipelined statements in one socket write (postgres.js splits at 1 KiB).
    // (postgres.js accepts `socket` but its types do not list it.)
    ...ownSocket,
    // A database that does not answer fails the request in seconds (a 503), instead of
    // holding it for postgres.js's 30 s default.
    connect_timeout: 5,
    // Idle connections are closed after a minute and every connection is renewed after
    // 30 min (postgres.js's default is 30–60 min): a connection silently dropped by a
    // firewall or a failover is not kept around. TCP keepalive (postgres.js: 60 s) notices
    // a dead peer on a busy connection.
    idle_timeout: 60,
    max_lifetime: 30 * 60,
    // Seconds before reconnecting after a failed attempt: postgres.js's default grows to
    // 20 s after a few failures in a row, so the pool came back long after the database.
    // Capped at one second: back within seconds.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
  });
  // Every parametrised statement prepared (drizzle would send them all unnamed), and
  // BEGIN sent with the transaction's first statements, and no statement waiting for a
  // connection for good.
  const pool = withBoundedStart(client);
  const db = drizzle(alwaysPrepared(withPipelinedBegin(pool, options.transactionDeadlineMs)), {
    schema,
  });
  const inSession = sqlExecutorFor(db);
  const executeSql: ExecuteSql = async (text, values) =>
    values && values.length > 0 ? inSession(text, values) : { rows: await runScript(client, text) };
  return {
    db,
    kind: 'postgres',
    executeSql,
    // postgres.js listens on a connection of its own, outside the pool, and reconnects it.
    listen: async (channel, onNotify, onListening) => {
      const { unlisten } = await client.listen(channel, onNotify, onListening);
      return unlisten;
    },
    migrate: () => migratePostgres(options.url),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Runs a parameterless, possibly multi-statement script with the simple protocol on a
 * connection of its own: pg-boss's scripts carry BEGIN/COMMIT, which postgres.js refuses
 * on a pooled connection, and a failure mid-script must not hand an aborted transaction
 * back to the pool.
 */
async function runScript(client: Sql, text: string): Promise<unknown[]> {
  const connection = await reserveGuarded(client);
  try {
    return rowsOf(await connection.sql.unsafe(text, [], connection.firstStatementOptions).simple());
  } catch (error) {
    connection.noteFailure(error);
    if (!connection.isLost()) {
      await connection.sql
        .unsafe('rollback')
        .simple()
        .catch((failure: unknown) => connection.noteFailure(failure));
    }
    throw error;
  } finally {
    connection.release();
  }
}
