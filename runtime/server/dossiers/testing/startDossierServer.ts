import { dirname, join } from 'node:path';
import type { DriverKind } from '../../../db/types.ts';
import type { ServerConfig } from '../../core/config.ts';
import type { UrlSources } from '../../core/urlSources.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../../testing/startTestServer.ts';
import type { TestClient } from '../../testing/testClient.ts';
import type { SeededRole } from './dossierTestKit.ts';

export interface DossierServer extends TestServer {
  /** Signs a seeded account in on its own client (and its own loopback address). */
  signIn(world: SeededTenant, who: SeededRole): Promise<TestClient>;
  /** Where uploaded files land for this server. */
  filesRoot: string;
}

// Each signed-in client leaves from its own loopback address, so the login rate limit
// (per client address) never trips in a test that signs many accounts in.
let signIns = 0;

/**
 * The real test server (attachment endpoints included) with the clock on 2 March 2026
 * and a `signIn` helper.
 *
 * @example
 * const server = await startDossierServer();
 * const world = await seedTenant(server.database.db);
 * const citizen = await server.signIn(world, 'citizen');
 */
export async function startDossierServer(
  options: { config?: Partial<ServerConfig>; urlSources?: UrlSources; driver?: DriverKind } = {},
): Promise<DossierServer> {
  const inner = await startTestServer({ ...options, start: new Date('2026-03-02T09:00:00Z') });
  return {
    ...inner,
    filesRoot: join(dirname(inner.deps.config.dataDir), 'files'),
    async signIn(world, who) {
      signIns += 1;
      const client = inner.client({ ip: `127.0.0.${10 + (signIns % 240)}` });
      const account = world.accounts[who];
      await client.trpc.auth.login.mutate({
        tenant: world.slug,
        email: account.email,
        password: account.password,
      });
      return client;
    },
  };
}
