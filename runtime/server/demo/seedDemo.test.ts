import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../templates/index.ts';
import { demarcheVersions, tenants } from '../../db/index.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TEMPLATES, DEMO_TENANT, seedDemo } from './seedDemo.ts';

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

  it('publishes the social-aid, union-membership and APA démarches for citizens', async () => {
    const catalogue = await server
      .client()
      .trpc.demarches.listPublished.query({ tenant: DEMO_TENANT });
    expect(
      catalogue
        .map(({ slug, version }) => ({ slug, version }))
        .sort((a, b) => a.slug.localeCompare(b.slug)),
    ).toEqual([
      { slug: 'adhesion-syndicale', version: 1 },
      { slug: 'aide-sociale', version: 1 },
      { slug: 'apa-domicile', version: 1 },
    ]);
  });

  it('publishes the templates themselves, in the current format', async () => {
    const [demo] = await server.database.db
      .select({ id: tenants.id })
      .from(tenants)
      .where(eq(tenants.slug, DEMO_TENANT));
    const published = await server.database.db
      .select({ definition: demarcheVersions.definition })
      .from(demarcheVersions)
      .where(eq(demarcheVersions.tenantId, demo!.id));
    const templates = DEMO_TEMPLATES.map((slug) => loadTemplate(slug));
    expect(templates.every((template) => template.ok)).toBe(true);
    expect(published.map((row) => row.definition)).toEqual(
      templates.map((template) => template.ok && template.value),
    );
  });

  it('lets every printed account sign in with the printed password, its address confirmed', async () => {
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      const client = server.client({ ip: `127.0.0.${50 + index}` });
      await client.trpc.auth.login.mutate({
        tenant: DEMO_TENANT,
        email: account.email,
        password: DEMO_PASSWORD,
      });
      const me = await client.trpc.auth.me.query();
      expect(me?.kind).toBe(account.kind);
      expect(me?.emailConfirmed).toBe(true);
      if (account.role) expect(me?.roles).toContain(account.role);
    }
  });
});
