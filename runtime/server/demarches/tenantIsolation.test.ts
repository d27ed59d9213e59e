import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, nextTestIp } from '../auth/testing/authTestKit.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import type { TestClient } from '../testing/testClient.ts';
import { apiFailure } from './testing/apiFailure.ts';
import { socialAidAs } from './testing/demarcheFixtures.ts';

let server: TestServer;
let tenantA: SeededTenant;
let tenantB: SeededTenant;
let adminA: TestClient;
let adminB: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  tenantA = await seedTenant(server.database.db);
  tenantB = await seedTenant(server.database.db);
  adminA = server.client({ ip: nextTestIp() });
  adminB = server.client({ ip: nextTestIp() });
  await loginAs(adminA, tenantA, 'admin');
  await loginAs(adminB, tenantB, 'admin');
});
afterAll(() => server.close());

type Api = TestClient['trpc']['demarches'];

/** Every procedure that takes a démarche id, called with `id`. New ones belong here. */
const byId: Record<string, (api: Api, id: string) => Promise<unknown>> = {
  get: (api, id) => api.get.query({ id }),
  saveDraft: (api, id) => api.saveDraft.mutate({ id, revision: 1, draft: socialAidAs('vole') }),
  // The seeded démarche's own revision: a leak would go through, not stop at STALE_REVISION.
  deleteDraft: (api, id) => api.deleteDraft.mutate({ id, revision: 0 }),
  validate: (api, id) => api.validate.query({ id }),
  publish: (api, id) => api.publish.mutate({ id, revision: 1 }),
  listVersions: (api, id) => api.listVersions.query({ id }),
  getVersion: (api, id) => api.getVersion.query({ id, version: 1 }),
  diff: (api, id) => api.diff.query({ id, from: 1, to: 'draft' }),
};

describe('demarches API: tenant isolation', () => {
  it('answers another tenant’s id exactly as an id that never existed', async () => {
    const { id } = tenantA.demarche;
    const before = await adminA.trpc.demarches.get.query({ id });
    for (const [name, call] of Object.entries(byId)) {
      const foreign = await apiFailure(call(adminB.trpc.demarches, id));
      const random = await apiFailure(call(adminB.trpc.demarches, randomUUID()));
      expect(foreign, name).toMatchObject({ code: 'NOT_FOUND' });
      expect(foreign, name).toEqual(random);
    }
    const after = await adminA.trpc.demarches.get.query({ id });
    expect(after).toEqual(before);
  });

  it('lists only the tenant’s own démarches, and slugs are unique per tenant only', async () => {
    const mine = await adminB.trpc.demarches.create.mutate({ slug: 'partagee', title: 'B' });
    const theirs = await adminA.trpc.demarches.create.mutate({ slug: 'partagee', title: 'A' });
    const listedB = (await adminB.trpc.demarches.list.query()).map((d) => d.id);
    expect(listedB).toContain(mine.id);
    expect(listedB).not.toContain(theirs.id);
    expect(listedB).not.toContain(tenantA.demarche.id);
  });

  it('keeps each public catalogue to its own tenant', async () => {
    const anonymous = server.client({ ip: nextTestIp() }).trpc.demarches;
    const slug = 'seulement-chez-a';
    const { id } = await adminA.trpc.demarches.create.mutate({ slug, title: 'Seulement A' });
    await adminA.trpc.demarches.saveDraft.mutate({ id, revision: 0, draft: socialAidAs(slug) });
    await adminA.trpc.demarches.publish.mutate({ id, revision: 1 });

    const catalogueA = await anonymous.listPublished.query({ tenant: tenantA.slug });
    const catalogueB = await anonymous.listPublished.query({ tenant: tenantB.slug });
    expect(catalogueA.map((d) => d.slug)).toContain(slug);
    expect(catalogueB.map((d) => d.slug)).not.toContain(slug);
    expect((await anonymous.getPublished.query({ tenant: tenantA.slug, slug })).version).toBe(1);
    expect(
      await apiFailure(anonymous.getPublished.query({ tenant: tenantB.slug, slug })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
