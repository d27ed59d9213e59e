import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../db/index.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import type { TestClient } from '../testing/testClient.ts';

// docs/SECURITY.md §133: one address per collectivité. Its admin names the addresses;
// a page served on one carries its tenant in a <meta> (no inline script); an address of
// nobody's gets the configured default tenant, else no page; a session works on its own
// tenant's addresses and the shared one, never on another tenant's.

const PAGE = (app: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><script type="module" src="/assets/${app}-1.js"></script></head><body></body></html>`;

const HOST_A = 'mairie-a.guichet.test';
const HOST_B = 'mairie-b.guichet.test';

let root: string;
let server: TestServer;
let a: SeededTenant;
let b: SeededTenant;
let ips = 0;

/** A client on `host` (its own loopback source, so logins stay under the rate limit). */
function on(host?: string): TestClient {
  ips += 1;
  return server.client({ ip: `127.0.1.${ips}`, ...(host === undefined ? {} : { host }) });
}

async function signIn(
  tenant: SeededTenant,
  who: 'admin' | 'agent' | 'citizen',
  host?: string,
): Promise<TestClient> {
  const client = on(host);
  const { email, password } = tenant.accounts[who];
  await client.trpc.auth.login.mutate({ tenant: tenant.slug, email, password });
  return client;
}

/** The tenant a served page names, or null. */
async function pageTenantOf(client: TestClient, path: string): Promise<string | null> {
  const response = await client.fetch(path);
  const html = await response.text();
  return /<meta name="guichet-tenant" content="([^"]*)">/.exec(html)?.[1] ?? null;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guichet-tenant-address-'));
  await mkdir(join(root, 'agent'));
  await mkdir(join(root, 'studio'));
  await writeFile(join(root, 'index.html'), PAGE('citizen'));
  await writeFile(join(root, 'agent', 'index.html'), PAGE('agent'));
  await writeFile(join(root, 'studio', 'index.html'), PAGE('studio'));
  server = await startTestServer({ config: { webRoot: root, defaultTenant: 'accueil' } });
  a = await seedTenant(server.database.db);
  b = await seedTenant(server.database.db);
  await server.database.db.insert(tenants).values({ slug: 'accueil', name: 'Accueil' });
  const adminA = await signIn(a, 'admin');
  const adminB = await signIn(b, 'admin');
  expect((await adminA.trpc.tenant.setHosts.mutate({ hosts: [HOST_A] })).hosts).toEqual([HOST_A]);
  await adminB.trpc.tenant.setHosts.mutate({ hosts: [HOST_B] });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('a collectivité’s addresses', () => {
  it('are set by its admin, as host names only, and never another collectivité’s', async () => {
    const admin = await signIn(a, 'admin');
    const saved = await admin.trpc.tenant.setHosts.mutate({
      hosts: [HOST_A, ' Guichet.Mairie-A.test '],
    });
    expect(saved.hosts).toEqual(['guichet.mairie-a.test', HOST_A]);
    expect((await admin.trpc.tenant.settings.query({})).hosts).toEqual(saved.hosts);
    for (const bad of [
      'https://mairie-a.guichet.test',
      'mairie-a.guichet.test:8443',
      'mairie-a.guichet.test/agent',
      'localhost',
      'mairie a.guichet.test',
      '-mairie.guichet.test',
      '"><script>.test',
    ]) {
      const refused = await rejection(admin.trpc.tenant.setHosts.mutate({ hosts: [bad] }));
      expect(refused.code, bad).toBe('BAD_REQUEST');
    }
    const twice = await rejection(admin.trpc.tenant.setHosts.mutate({ hosts: [HOST_A, HOST_A] }));
    expect(twice.code).toBe('BAD_REQUEST');
    const taken = await rejection(admin.trpc.tenant.setHosts.mutate({ hosts: [HOST_B] }));
    expect(taken).toMatchObject({
      code: 'CONFLICT',
      message: `L’adresse ${HOST_B} est déjà celle d’une autre collectivité.`,
    });
    // Nothing changed by the refusals; an agent may not change them at all.
    expect((await admin.trpc.tenant.settings.query({})).hosts).toEqual(saved.hosts);
    const agent = await signIn(a, 'agent');
    expect((await rejection(agent.trpc.tenant.setHosts.mutate({ hosts: [] }))).code).toBe(
      'FORBIDDEN',
    );
    await admin.trpc.tenant.setHosts.mutate({ hosts: [HOST_A] });
  });

  it('name their tenant in every app page, as data the CSP allows', async () => {
    for (const path of ['/', '/demarches/aide', '/agent/', '/agent/dossiers/42', '/studio/']) {
      expect(await pageTenantOf(on(HOST_A), path), path).toBe(a.slug);
      expect(await pageTenantOf(on(`${HOST_B.toUpperCase()}:443`), path), path).toBe(b.slug);
    }
    const page = await on(HOST_A).fetch('/agent/');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    // The meta comes first in <head>, and the page is otherwise the built one.
    expect(await page.text()).toBe(
      PAGE('agent').replace('<head>', `<head><meta name="guichet-tenant" content="${a.slug}">`),
    );
  });

  it('leave other addresses to the default tenant, and without one to no page', async () => {
    expect(await pageTenantOf(on(), '/')).toBe('accueil');
    expect(await pageTenantOf(on('inconnue.example.fr'), '/agent/')).toBe('accueil');
    const closed = await startTestServer({ config: { webRoot: root } });
    try {
      const nobody = await closed.client({ host: 'inconnue.example.fr' }).fetch('/agent/');
      expect(nobody.status).toBe(404);
      expect(await nobody.text()).toBe('Aucune collectivité ne répond à cette adresse.');
      // The shared loopback address is no tenant's either, here.
      expect((await closed.client().fetch('/')).status).toBe(404);
    } finally {
      await closed.close();
    }
  });

  it('keep a session to its own tenant: another tenant’s address answers as if signed out', async () => {
    const agentA = await signIn(a, 'agent', HOST_A);
    expect((await agentA.trpc.auth.me.query())?.tenant).toMatchObject({ slug: a.slug });
    const replayed = on(HOST_B);
    for (const [name, value] of agentA.cookies) replayed.cookies.set(name, value);
    expect(await replayed.trpc.auth.me.query()).toBeNull();
    const refused = await rejection(replayed.trpc.dashboard.choices.query({}));
    expect(refused.code).toBe('UNAUTHORIZED');
    // A file endpoint reads the same rule: no session there either.
    expect(
      (await replayed.fetch('/api/queues/exports/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(401);
    // Its own address and the shared one still take it.
    expect(await agentA.trpc.dashboard.choices.query({})).toBeTruthy();
    const shared = on();
    for (const [name, value] of agentA.cookies) shared.cookies.set(name, value);
    expect(await shared.trpc.dashboard.choices.query({})).toBeTruthy();
  });

  it('sign in only their own accounts, with the answer of a wrong password', async () => {
    const { email, password } = a.accounts.citizen;
    const onB = on(HOST_B);
    const refused = await rejection(
      onB.trpc.auth.login.mutate({ tenant: a.slug, email, password }),
    );
    expect(refused.domainCode).toBe('INVALID_CREDENTIALS');
    const wrong = await rejection(
      on(HOST_A).trpc.auth.login.mutate({ tenant: a.slug, email, password: `${password}!` }),
    );
    expect(refused.message).toBe(wrong.message);
    expect(onB.cookies.size).toBe(0);
    expect(await signIn(a, 'citizen', HOST_A)).toBeTruthy();
  });
});
