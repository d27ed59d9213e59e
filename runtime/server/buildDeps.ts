import type { Database } from '../db/types.ts';
import { createSessionResolver } from './auth/resolveSession.ts';
import { createSessionCache } from './auth/sessionCache.ts';
import type { ServerConfig } from './config.ts';
import type { ServerDeps } from './deps.ts';
import { createUnitCatalog } from './dossiers/unitCatalog.ts';

/**
 * Wires the server's dependencies; `main.ts` and the test harness both call it, so
 * tests run the same wiring as production. Starts listening for changes of access (the
 * session cache, the unit catalog); closing the database stops it.
 *
 * @example
 * const deps = await buildDeps({ database, config: loadConfig(process.env) });
 */
export async function buildDeps(options: {
  database: Database;
  config: ServerConfig;
  clock?: () => Date;
}): Promise<ServerDeps> {
  const sessions = createSessionCache();
  const units = createUnitCatalog();
  await Promise.all([sessions.listen(options.database), units.listen(options.database)]);
  return {
    database: options.database,
    config: options.config,
    clock: options.clock ?? (() => new Date()),
    resolveSession: createSessionResolver(options.database, sessions),
    forgetSessions: (owner) => sessions.forget(owner),
    units,
  };
}
