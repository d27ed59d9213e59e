import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppTestDatabase } from '../../db/testing/openAppTestDatabase.ts';
import type { Database, DriverKind } from '../../db/types.ts';
import { buildDeps } from '../buildDeps.ts';
import { loadConfig, type ServerConfig } from '../core/config.ts';
import type { ServerDeps } from '../core/deps.ts';
import type { UrlSources } from '../core/urlSources.ts';
import { ensureJobSchema } from '../effects/index.ts';
import { createHttpServer } from '../http/createHttpServer.ts';
import { createTestClient, type TestClient } from './testClient.ts';
import { createTestClock, type TestClock } from './testClock.ts';

export interface TestServer {
  url: string;
  deps: ServerDeps;
  /** What the server runs on: as `guichet_app` on PostgreSQL (DML only, migration 0008). */
  database: Database;
  /** The owner that migrated it (the same connection on PGlite). */
  ownerDatabase: Database;
  clock: TestClock;
  /**
   * A new browser-like client with its own cookies; `ip` picks a loopback source address,
   * `host` the Host header it sends (a tenant's own address).
   */
  client(options?: { ip?: string; host?: string }): TestClient;
  close(): Promise<void>;
}

/**
 * The real server on a random loopback port over a fresh test database (PostgreSQL when
 * `DATABASE_URL` is set, connected as the app role `guichet_app`; PGlite otherwise), wired by the same `buildDeps` as production,
 * with a clock the test controls. Open one per test file.
 *
 * @example
 * let server: TestServer;
 * beforeAll(async () => { server = await startTestServer(); });
 * afterAll(() => server.close());
 */
export async function startTestServer(
  options: {
    config?: Partial<ServerConfig>;
    start?: Date;
    urlSources?: UrlSources;
    /** Default as `openTestDatabase`; one of `testDrivers()` to run a suite on each. */
    driver?: DriverKind;
  } = {},
): Promise<TestServer> {
  // As in production: the owner migrates and installs pg-boss's tables (transitions
  // enqueue their effects there); the server runs as the app role, so every API test
  // also proves its grants are enough.
  const opened = await openAppTestDatabase({
    prepare: (owner) => ensureJobSchema(owner),
    driver: options.driver,
  });
  const database = opened.app;
  const clock = createTestClock(options.start ?? new Date());
  // Uploaded files live beside the data folder: a temporary one per server.
  const dataRoot = await mkdtemp(join(tmpdir(), 'guichet-test-'));
  const config: ServerConfig = {
    ...loadConfig({}),
    dataDir: join(dataRoot, 'pglite'),
    webRoot: '/nonexistent',
    ...options.config,
  };
  const deps = await buildDeps({
    database,
    config,
    clock: clock.now,
    ...(options.urlSources ? { urlSources: options.urlSources } : {}),
  });
  const server = createHttpServer(deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deps,
    database,
    ownerDatabase: opened.owner,
    clock,
    client: (clientOptions) => createTestClient(url, clientOptions),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await opened.close();
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
