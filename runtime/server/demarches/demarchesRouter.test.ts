import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, nextTestIp } from '../auth/testing/authTestKit.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import type { TestClient } from '../testing/testClient.ts';
import { MAX_DRAFT_BYTES } from './saveDraft.ts';
import { apiFailure } from './testing/apiFailure.ts';
import { socialAidAs, uniqueSlug } from './testing/demarcheFixtures.ts';

let server: TestServer;
let world: SeededTenant;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  world = await seedTenant(server.database.db);
  admin = await signedIn(world, 'admin');
});
afterAll(() => server.close());

async function signedIn(tenant: SeededTenant, who: keyof SeededTenant['accounts']) {
  const client = server.client({ ip: nextTestIp() });
  await loginAs(client, tenant, who);
  return client;
}

describe('demarches API: the designer’s journey over HTTP', () => {
  it('creates, saves, refuses, publishes, versions and compares a démarche', async () => {
    const api = admin.trpc.demarches;
    const slug = uniqueSlug('aide');
    const created = await api.create.mutate({ slug, title: 'Aide au logement' });
    expect(created.draftRevision).toBe(0);
    expect(await apiFailure(api.create.mutate({ slug, title: 'Encore' }))).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'SLUG_TAKEN',
      message: expect.stringContaining(slug),
    });

    const { id } = created;
    const saved = await api.saveDraft.mutate({ id, revision: 0, draft: socialAidAs(slug) });
    expect(saved).toMatchObject({ draftRevision: 1, problems: [], publishable: true });
    const broken = socialAidAs(slug, (d) => {
      d.workflow.initialState = 'Pas Un Identifiant';
    });
    const invalid = await api.saveDraft.mutate({ id, revision: 1, draft: broken });
    expect(invalid.publishable).toBe(false);
    expect(invalid.problems.map((p) => p.pointer)).toContain('/workflow/initialState');

    const stale = await apiFailure(
      api.saveDraft.mutate({ id, revision: 1, draft: socialAidAs(slug) }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'STALE_REVISION',
      details: { currentRevision: 2 },
    });
    expect((await api.get.query({ id })).draft).toEqual(broken);

    const refused = await apiFailure(api.publish.mutate({ id, revision: 2 }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_DEFINITION' });
    expect(refused.details?.['problems']).toContainEqual(
      expect.objectContaining({ pointer: '/workflow/initialState' }),
    );
    expect(await api.listVersions.query({ id })).toEqual([]);

    await api.saveDraft.mutate({ id, revision: 2, draft: socialAidAs(slug) });
    expect(await api.validate.query({ id })).toMatchObject({ problems: [], publishable: true });
    expect(await api.publish.mutate({ id, revision: 3 })).toMatchObject({ version: 1 });
    const changed = socialAidAs(slug, (d) => {
      d.meta.description = 'Pour les locataires de la commune.';
    });
    await api.saveDraft.mutate({ id, revision: 3, draft: changed });
    expect(await api.publish.mutate({ id, revision: 4 })).toMatchObject({ version: 2 });

    expect((await api.listVersions.query({ id })).map((v) => v.version)).toEqual([2, 1]);
    expect((await api.diff.query({ id, from: 1, to: 2 })).changes).toEqual([
      { kind: 'added', path: '/meta/description', after: 'Pour les locataires de la commune.' },
    ]);
    expect((await api.getVersion.query({ id, version: 1 })).definition).toEqual(socialAidAs(slug));
    const listed = (await api.list.query()).find((d) => d.id === id);
    expect(listed).toMatchObject({ latestVersion: 2, draftStatus: 'published' });
  });

  it('refuses a draft over the size cap and keeps the stored one', async () => {
    const api = admin.trpc.demarches;
    const slug = uniqueSlug('gros');
    const { id } = await api.create.mutate({ slug, title: 'Gros brouillon' });
    const huge = { ...socialAidAs(slug), padding: 'é'.repeat(MAX_DRAFT_BYTES / 2 + 10) };
    expect(await apiFailure(api.saveDraft.mutate({ id, revision: 0, draft: huge }))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      domainCode: 'PAYLOAD_TOO_LARGE',
    });
    expect((await api.get.query({ id })).draftRevision).toBe(0);
  });

  it('deletes a never-published démarche, and only the unpublished changes of a published one', async () => {
    const api = admin.trpc.demarches;
    const slug = uniqueSlug('ephemere');
    const { id } = await api.create.mutate({ slug, title: 'Éphémère' });
    expect(await apiFailure(api.deleteDraft.mutate({ id, revision: 1 }))).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'STALE_REVISION',
      details: { currentRevision: 0 },
    });
    expect(await api.deleteDraft.mutate({ id, revision: 0 })).toEqual({ deleted: 'demarche' });
    expect(await apiFailure(api.get.query({ id }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Démarche introuvable.',
    });
    expect((await api.create.mutate({ slug, title: 'Éphémère' })).slug).toBe(slug);

    const kept = uniqueSlug('publiee');
    const created = await api.create.mutate({ slug: kept, title: 'Publiée' });
    await api.saveDraft.mutate({ id: created.id, revision: 0, draft: socialAidAs(kept) });
    await api.publish.mutate({ id: created.id, revision: 1 });
    const unpublished = socialAidAs(kept, (d) => {
      d.meta.description = 'Pas encore publiée.';
    });
    await api.saveDraft.mutate({ id: created.id, revision: 1, draft: unpublished });
    const discarded = await api.deleteDraft.mutate({ id: created.id, revision: 2 });
    expect(discarded).toMatchObject({ deleted: 'draft', version: 1, draftRevision: 3 });
    const { definition } = await api.getVersion.query({ id: created.id, version: 1 });
    expect(await api.get.query({ id: created.id })).toMatchObject({
      draft: definition,
      draftRevision: 3,
      versions: [{ version: 1 }],
    });
  });

  it('rejects unexpected input keys instead of writing them', async () => {
    const api = admin.trpc.demarches;
    const input = { slug: uniqueSlug('x'), title: 'X', tenantId: world.tenantId };
    // Through a variable, as a forged request would: the extra key is the point of the test.
    expect(await apiFailure(api.create.mutate(input))).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await api.list.query()).map((d) => d.slug)).not.toContain(input.slug);
  });
});

describe('demarches API: the public catalogue', () => {
  it('lists and serves published démarches to anyone, without drafts or workflow internals', async () => {
    const api = admin.trpc.demarches;
    const draftOnly = uniqueSlug('brouillon');
    await api.create.mutate({ slug: draftOnly, title: 'Jamais publiée' });
    const anonymous = server.client({ ip: nextTestIp() }).trpc.demarches;

    const catalogue = await anonymous.listPublished.query({ tenant: world.slug });
    expect(catalogue).toContainEqual({
      slug: 'aide-sociale',
      title: 'Demande d’aide sociale',
      description: null,
      version: 1,
    });
    expect(catalogue.map((d) => d.slug)).not.toContain(draftOnly);

    const published = await anonymous.getPublished.query({
      tenant: world.slug,
      slug: 'aide-sociale',
    });
    expect(published).toMatchObject({ slug: 'aide-sociale', version: 1, form: { pages: null } });
    expect(published.form.schema).toMatchObject({ required: expect.arrayContaining(['nom']) });
    expect(published.states).toContainEqual({ id: 'refuse', label: 'Refusé', kind: 'final' });
    expect(JSON.stringify(published)).not.toMatch(/transitions|webhook|guard|routing/);

    expect(
      await apiFailure(anonymous.getPublished.query({ tenant: world.slug, slug: draftOnly })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await apiFailure(anonymous.listPublished.query({ tenant: 'pas-de-commune' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('demarches API: roles', () => {
  it('lets agents and supervisors read but not write', async () => {
    const { id } = await admin.trpc.demarches.create.mutate({ slug: uniqueSlug('r'), title: 'R' });
    for (const who of ['agent', 'supervisor'] as const) {
      const api = (await signedIn(world, who)).trpc.demarches;
      expect((await api.list.query()).map((d) => d.id)).toContain(id);
      expect((await api.get.query({ id })).id).toBe(id);
      expect((await api.validate.query({ id })).publishable).toBe(true);
      expect(await api.listVersions.query({ id })).toEqual([]);
      // Thunks: a rejected call must not sit unawaited while an earlier one runs.
      for (const write of [
        () => api.create.mutate({ slug: uniqueSlug('w'), title: 'W' }),
        () => api.saveDraft.mutate({ id, revision: 0, draft: {} }),
        () => api.publish.mutate({ id, revision: 0 }),
        () => api.deleteDraft.mutate({ id, revision: 0 }),
      ]) {
        expect(await apiFailure(write())).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    expect((await admin.trpc.demarches.get.query({ id })).draftRevision).toBe(0);
  });

  it('keeps drafts from citizens and from anonymous callers', async () => {
    const { id } = world.demarche;
    const citizen = (await signedIn(world, 'citizen')).trpc.demarches;
    const anonymous = server.client({ ip: nextTestIp() }).trpc.demarches;
    expect(await apiFailure(citizen.get.query({ id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiFailure(citizen.list.query())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await apiFailure(citizen.getVersion.query({ id, version: 1 }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await apiFailure(anonymous.get.query({ id }))).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
