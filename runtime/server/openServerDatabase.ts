import { appRoleUrl, type Database, openDatabase } from '../db/index.ts';
import type { ServerConfig } from './core/config.ts';
import { ensureJobSchema } from './effects/index.ts';

/**
 * Opens the database the server runs on. PostgreSQL: as the owner (`DATABASE_URL`) just
 * long enough to apply the migrations and install or upgrade pg-boss's schema and
 * queues, then as the app role `guichet_app` (`GUICHET_APP_DATABASE_URL`, or the same
 * URL with that user), which may read and write rows but change no table, trigger or
 * schema (migration 0008): the running server cannot rewrite history. PGlite is
 * single-user: one connection does both.
 *
 * @example
 * const database = await openServerDatabase(loadConfig(process.env));
 */
export async function openServerDatabase(config: ServerConfig): Promise<Database> {
  if (!config.databaseUrl) {
    const single = await openDatabase({ dataDir: config.dataDir });
    await ensureJobSchema(single);
    return single;
  }
  const owner = await openDatabase({ url: config.databaseUrl, maxConnections: 2 });
  try {
    await ensureJobSchema(owner);
  } finally {
    await owner.close();
  }
  return openDatabase({
    url: appRoleUrl(config.databaseUrl, config.appDatabaseUrl),
    migrate: false,
  });
}
