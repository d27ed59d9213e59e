import { afterAll, beforeAll } from 'vitest';
import { type SeededTenant, seedTenant } from '../../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../../testing/startTestServer.ts';
import type { TestClient } from '../../testing/testClient.ts';
import { nextTestIp } from './authTestKit.ts';

export interface AuthServer {
  server: TestServer;
  world: SeededTenant;
  /** A browser-like client from a loopback address no other test of the file used. */
  newClient(): TestClient;
}

/**
 * The auth suites' setup: one real server per file (clock at 2026-03-02 08:00 UTC) and
 * one seeded tenant, ready in `beforeAll` and closed in `afterAll`. Read the fields
 * inside tests and hooks, once they are set.
 *
 * @example
 * const auth = useAuthServer();
 * it('logs in', () => loginAs(auth.newClient(), auth.world, 'agent'));
 */
export function useAuthServer(): AuthServer {
  const auth = {
    newClient: () => auth.server.client({ ip: nextTestIp() }),
  } as AuthServer;
  beforeAll(async () => {
    auth.server = await startTestServer({ start: new Date('2026-03-02T08:00:00Z') });
    auth.world = await seedTenant(auth.server.database.db);
  });
  afterAll(() => auth.server.close());
  return auth;
}
