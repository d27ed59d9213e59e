import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT, seedDemo } from './seedDemo.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the demo tenant of npm start', () => {
  it('is created once, and restarts keep it as it is', async () => {
    expect(await seedDemo(server.database.db)).toBe(true);
    expect(await seedDemo(server.database.db)).toBe(false);
  });

  it('publishes the social-aid démarche for citizens', async () => {
    const catalogue = await server
      .client()
      .trpc.demarches.listPublished.query({ tenant: DEMO_TENANT });
    expect(catalogue).toMatchObject([{ slug: 'aide-sociale', version: 1 }]);
  });

  it('lets every printed account sign in with the printed password', async () => {
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const client = server.client({ ip: `127.0.0.${50 + index}` });
      await client.trpc.auth.login.mutate({
        tenant: DEMO_TENANT,
        email: account.email,
        password: DEMO_PASSWORD,
      });
      const me = await client.trpc.auth.me.query();
      expect(me?.kind).toBe(account.kind);
      if (account.role) expect(me?.roles).toContain(account.role);
    }
  });
});
