import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../schema/index.ts';
import type { Database, ExecuteSql } from '../types.ts';
import { rowsOf } from './driverValues.ts';
import { migratePglite } from './migrations.ts';
import { sqlExecutorFor } from './sqlExecutorFor.ts';

export interface OpenPgliteOptions {
  /** A folder, or `memory://` (the default) for a database that lives as long as the process. */
  dataDir?: string | undefined;
  migrate: boolean;
}

const keepText = (value: string) => value;

/**
 * Date and time types stay PostgreSQL text, as drizzle configures both drivers, so raw
 * results look the same on postgres.js and PGlite.
 */
const TEXT_TIME_PARSERS = Object.fromEntries(
  [1082, 1083, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231].map((oid) => [oid, keepText]),
);

/**
 * Embedded PostgreSQL (PGlite, WASM) through `drizzle-orm/pglite`. Prefer `openDatabase`.
 * The first open of a new folder runs initdb and takes seconds: open once per process.
 *
 * @example
 * const database = await openPglite({ dataDir: '.data/pglite', migrate: true });
 */
export async function openPglite(options: OpenPgliteOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  // PGlite creates the folder but not its parents (`.data/pglite` on a fresh clone).
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  if (options.migrate) {
    await migratePglite(client).catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
  }
  const db = drizzle(client, { schema });
  const inSession = sqlExecutorFor(db);
  const executeSql: ExecuteSql = async (text, values) => {
    if (values && values.length > 0) return inSession(text, values);
    try {
      return { rows: rowsOf(await client.exec(text, { parsers: TEXT_TIME_PARSERS })) };
    } catch (error) {
      // PGlite is a single connection: a script that failed after its own BEGIN would
      // leave every later query in an aborted transaction.
      await client.exec('rollback').catch(() => {});
      throw error;
    }
  };
  return {
    db,
    kind: 'pglite',
    executeSql,
    // One in-process connection: nothing to reconnect, so `onListening` runs once.
    listen: async (channel, onNotify, onListening) => {
      const unlisten = await client.listen(channel, onNotify);
      onListening?.();
      return unlisten;
    },
    migrate: () => migratePglite(client),
    close: () => client.close(),
  };
}
