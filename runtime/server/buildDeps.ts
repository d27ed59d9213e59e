import type { Database } from '../db/types.ts';
import { createSessionResolver } from './auth/resolveSession.ts';
import type { ServerConfig } from './config.ts';
import type { ServerDeps } from './deps.ts';

/**
 * Wires the server's dependencies; `main.ts` and the test harness both call it, so
 * tests run the same wiring as production.
 *
 * @example
 * const deps = buildDeps({ database, config: loadConfig(process.env) });
 */
export function buildDeps(options: {
  database: Database;
  config: ServerConfig;
  clock?: () => Date;
}): ServerDeps {
  return {
    database: options.database,
    config: options.config,
    clock: options.clock ?? (() => new Date()),
    resolveSession: createSessionResolver(options.database),
  };
}
