import type { Database } from '../types.ts';
import { openPglite } from './openPglite.ts';
import { openPostgres } from './openPostgres.ts';

export interface OpenDatabaseOptions {
  /** `postgres://…`: PostgreSQL through postgres.js. Absent: embedded PGlite. */
  url?: string | undefined;
  /** PGlite only: a data folder, or `memory://` (the default). */
  dataDir?: string | undefined;
  /** PostgreSQL only: pool size (default 10). */
  maxConnections?: number | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean | undefined;
  /** PostgreSQL only: how long a statement may run, in ms (default 30 s; 0: no limit,
   * for bulk seeding). */
  statementTimeoutMs?: number | undefined;
}

/**
 * Opens the database: PostgreSQL when a URL is given, PGlite otherwise; one code path
 * above this point. Migrations from `runtime/db/migrations` are applied first.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: '.data/pglite' });
 * const rows = await database.db.select().from(tenants);
 * const boss = new PgBoss({ db: { executeSql: database.executeSql } });
 * await database.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.url) {
    return openPostgres({
      url: options.url,
      maxConnections: options.maxConnections,
      statementTimeoutMs: options.statementTimeoutMs,
      migrate,
    });
  }
  return openPglite({ dataDir: options.dataDir, migrate });
}
