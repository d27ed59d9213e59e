import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import type { Database } from '../../db/types.ts';
import { buildDeps } from '../buildDeps.ts';
import { loadConfig, type ServerConfig } from '../config.ts';
import type { ServerDeps } from '../deps.ts';
import { ensureJobSchema } from '../effects/jobSchema.ts';
import { createHttpServer } from '../http/createHttpServer.ts';
import { createTestClient, type TestClient } from './testClient.ts';
import { createTestClock, type TestClock } from './testClock.ts';

export interface TestServer {
  url: string;
  deps: ServerDeps;
  database: Database;
  clock: TestClock;
  /** A new browser-like client with its own cookies; `ip` picks a loopback source address. */
  client(options?: { ip?: string }): TestClient;
  close(): Promise<void>;
}

/**
 * The real server on a random loopback port over a fresh test database (PostgreSQL when
 * `DATABASE_URL` is set, PGlite otherwise), wired by the same `buildDeps` as production,
 * with a clock the test controls. Open one per test file.
 *
 * @example
 * let server: TestServer;
 * beforeAll(async () => { server = await startTestServer(); });
 * afterAll(() => server.close());
 */
export async function startTestServer(
  options: { config?: Partial<ServerConfig>; start?: Date } = {},
): Promise<TestServer> {
  const database = await openTestDatabase();
  // Transitions enqueue their effects in pg-boss's tables, as in production.
  await ensureJobSchema(database);
  const clock = createTestClock(options.start ?? new Date());
  // Uploaded files live beside the data folder: a temporary one per server.
  const dataRoot = await mkdtemp(join(tmpdir(), 'guichet-test-'));
  const config: ServerConfig = {
    ...loadConfig({}),
    dataDir: join(dataRoot, 'pglite'),
    webRoot: '/nonexistent',
    ...options.config,
  };
  const deps = await buildDeps({ database, config, clock: clock.now });
  const server = createHttpServer(deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deps,
    database,
    clock,
    client: (clientOptions) => createTestClient(url, clientOptions),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      await rm(dataRoot, { recursive: true, force: true });
    },
  };
}
