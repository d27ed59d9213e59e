import { appRoleUrl } from '../driver/appRoleUrl.ts';
import { openDatabase } from '../driver/openDatabase.ts';
import type { Database, DriverKind } from '../types.ts';
import { createScratchDatabase } from './createScratchDatabase.ts';

export interface AppTestDatabase {
  /** What the server runs on: as `guichet_app` on PostgreSQL, the only user on PGlite. */
  app: Database;
  /** The migrating owner, for what the application may not do (tampering tests). */
  owner: Database;
  close(): Promise<void>;
}

/**
 * A migrated database of its own opened twice, as production opens it: as the owner
 * (migrations, then `prepare`, e.g. pg-boss's install) and as the app role. On PGlite
 * (single-user) both are the same connection. Default driver as `openTestDatabase`;
 * `driver` picks one of `testDrivers()` for a suite run on each.
 *
 * @example
 * const { app, owner, close } = await openAppTestDatabase({ prepare: ensureJobSchema });
 */
export async function openAppTestDatabase(
  options: { prepare?: (owner: Database) => Promise<void>; driver?: DriverKind | undefined } = {},
): Promise<AppTestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  const driver = options.driver ?? (baseUrl ? 'postgres' : 'pglite');
  if (driver === 'pglite') {
    const single = await openDatabase();
    await options.prepare?.(single);
    return { app: single, owner: single, close: () => single.close() };
  }
  if (!baseUrl) throw new Error('guichet: a PostgreSQL test database needs DATABASE_URL');
  const scratch = await createScratchDatabase(baseUrl);
  const opened: Database[] = [];
  const close = async () => {
    for (const database of opened.reverse()) await database.close();
    await scratch.drop();
  };
  try {
    const owner = await openDatabase({ url: scratch.url, maxConnections: 2 });
    opened.push(owner);
    await options.prepare?.(owner);
    const app = await openDatabase({
      url: appRoleUrl(scratch.url),
      maxConnections: 4,
      migrate: false,
    });
    opened.push(app);
    return { app, owner, close };
  } catch (error) {
    await close();
    throw error;
  }
}
