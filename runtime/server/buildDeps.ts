import type { Database } from '../db/types.ts';
import { resolveAnonymousPass } from './anonymous/index.ts';
import { createSessionCache, createSessionResolver } from './auth/index.ts';
import type { ServerConfig } from './core/config.ts';
import type { ServerDeps } from './core/deps.ts';
import { createHostTenants } from './core/hostTenants.ts';
import type { UrlSources } from './core/urlSources.ts';
import { createUrlSourceCache, URL_SOURCE_LIMITS } from './dataSources/index.ts';
import { createUnitCatalog, processPublishedVersions } from './dossiers/index.ts';
import { enqueueEffects, sendJob } from './effects/index.ts';

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
  /** Tests: URL sources reading a loopback https server. */
  urlSources?: UrlSources;
}): Promise<ServerDeps> {
  const sessions = createSessionCache();
  const units = createUnitCatalog();
  await Promise.all([sessions.listen(options.database), units.listen(options.database)]);
  return {
    database: options.database,
    config: options.config,
    clock: options.clock ?? (() => new Date()),
    resolveSession: createSessionResolver(options.database, sessions),
    resolveAnonymousPass: (cookies, now) => resolveAnonymousPass(options.database.db, cookies, now),
    forgetSessions: (owner) => sessions.forget(owner),
    units,
    hostTenants: createHostTenants(options.database, options.config.defaultTenant),
    enqueueEffects,
    sendJob,
    publishedVersions: processPublishedVersions,
    urlSources: options.urlSources ?? createUrlSourceCache(URL_SOURCE_LIMITS),
  };
}
