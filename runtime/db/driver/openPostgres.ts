import { drizzle } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from '../schema/index.ts';
import type { Database, ExecuteSql } from '../types.ts';
import { alwaysPrepared } from './alwaysPrepared.ts';
import { coalescingSocket } from './coalescingSocket.ts';
import { rowsOf } from './driverValues.ts';
import { migratePostgres } from './migrations.ts';
import { withPipelinedBegin } from './pipelinedBegin.ts';
import { sqlExecutorFor } from './sqlExecutorFor.ts';

export interface OpenPostgresOptions {
  url: string;
  /** Pool size; postgres.js opens connections lazily. */
  maxConnections?: number | undefined;
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
  const client = postgres(options.url, {
    max: options.maxConnections ?? 10,
    // Notices ("already exists, skipping") are noise in logs and tests.
    onnotice: () => {},
    // JIT compiles a plan for seconds' worth of rows; our queries read a page: it only
    // added ~40 ms to capped queue counts on 1,000,000 dossiers.
    connection: { application_name: 'guichet', jit: 'off' },
    // A batch of pipelined statements in one socket write (postgres.js splits at 1 KiB).
    // With its own socket postgres.js no longer walks a multi-host list: keep its own then.
    ...(isMultiHost(options.url) ? {} : { socket: coalescingSocket }),
  });
  // Every parametrised statement prepared (drizzle would send them all unnamed), and
  // BEGIN sent with the transaction's first statements.
  const db = drizzle(alwaysPrepared(withPipelinedBegin(client)), { schema });
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
  const reserved = await client.reserve();
  try {
    return rowsOf(await reserved.unsafe(text).simple());
  } catch (error) {
    await reserved
      .unsafe('rollback')
      .simple()
      .catch(() => {});
    throw error;
  } finally {
    reserved.release();
  }
}

/** `postgres://a,b:5433/db`: the hosts postgres.js would try in turn. */
function isMultiHost(url: string): boolean {
  const authority = url.slice(url.indexOf('://') + 3).split(/[?/]/)[0] ?? '';
  return authority.slice(authority.indexOf('@') + 1).includes(',');
}
