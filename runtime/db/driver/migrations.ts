import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteDb } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgresDb } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** One folder for both drivers, resolved from this file so the working directory does not matter. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies pending migrations on PostgreSQL. Several processes may start at once (rolling
 * deploy, parallel tests): a session advisory lock on one dedicated connection lets one
 * migrate while the others wait, then find nothing to do. drizzle's migrator alone would
 * race on its own bookkeeping table.
 *
 * @example
 * await migratePostgres('postgres://postgres@127.0.0.1:5432/guichet');
 */
export async function migratePostgres(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext('guichet.migrations'))`;
    await migratePostgresDb(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(hashtext('guichet.migrations'))`;
  } finally {
    // Ending the connection also releases the lock if a migration failed.
    await client.end();
  }
}

/**
 * Applies pending migrations on PGlite: one process owns its data folder, so no lock.
 *
 * @example
 * await migratePglite(await PGlite.create());
 */
export async function migratePglite(client: PGlite): Promise<void> {
  await migratePgliteDb(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
}
