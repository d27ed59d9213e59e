import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { uploadSample } from '../security/testing/sampleWorld.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

let server: DossierServer;
let tenant: SeededTenant;
let citizen: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  citizen = await server.signIn(tenant, 'citizen');
});
afterAll(() => server.close());

const EVIL = 'https://evil.example';

/** A multipart body as an HTML `<form enctype="multipart/form-data">` sends it. */
function multipart(): { body: string; type: string } {
  const boundary = '----guichetcsrf';
  return {
    body: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

async function stillSignedIn(client: TestClient): Promise<boolean> {
  const me = await client.trpc.auth.me.query();
  return me !== null;
}

describe('cross-site requests (CSRF) and non-JSON mutations', () => {
  // Regression: a cross-site multipart POST to auth.logout with the cookie signed the user out.
  it('refuses a cross-site multipart logout with 403 in French, and the session still works', async () => {
    const { body, type } = multipart();
    const response = await citizen.fetch('/trpc/auth.logout', {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': type, 'sec-fetch-site': 'cross-site' },
      body,
    });
    expect(response.status).toBe(403);
    const answer = (await response.json()) as { error: { message: string; data: object } };
    expect(answer.error.message).toMatch(/ne provient pas de ce site/);
    expect(answer.error.data).toMatchObject({
      code: 'FORBIDDEN',
      domainCode: 'CROSS_SITE_REQUEST',
    });
    expect(await stillSignedIn(citizen)).toBe(true);
  });

  it('refuses a cross-site POST without Origin when Sec-Fetch-Site or Referer betrays it', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { referer: `${EVIL}/page` },
    ]) {
      const response = await citizen.fetch('/trpc/auth.logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await stillSignedIn(citizen)).toBe(true);
  });

  it('refuses a text/plain POST from the same origin (the classic CSRF form body) with 415', async () => {
    const response = await citizen.fetch('/trpc/auth.logout', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(415);
    const answer = (await response.json()) as { error: { message: string } };
    expect(answer.error.message).toMatch(/JSON/);
    expect(await stillSignedIn(citizen)).toBe(true);
  });

  it('refuses an upload whose Origin is another site, before reading it', async () => {
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    const response = await citizen.fetch(
      `/api/dossiers/${id}/attachments?field=justificatif&name=avis.png`,
      {
        method: 'POST',
        headers: { origin: EVIL, 'content-type': 'application/octet-stream' },
        body: new Uint8Array([1, 2, 3]),
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'CROSS_SITE_REQUEST' } });
    // The same upload without a foreign origin gets past the guard (to the field check).
    const own = await uploadSample(citizen, id);
    expect(own.status).not.toBe(403);
  });

  it('lets same-origin JSON and header-less API clients through', async () => {
    const sameOrigin = await citizen.fetch('/trpc/auth.me', {
      method: 'GET',
      headers: { origin: EVIL },
    });
    // Queries change nothing: another site may send them (it cannot read the answer).
    expect(sameOrigin.status).toBe(200);
    const other = await server.signIn(tenant, 'otherCitizen');
    const logout = await other.fetch('/trpc/auth.logout', {
      method: 'POST',
      headers: {
        origin: server.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
    });
    expect(logout.status).toBe(200);
    expect(await stillSignedIn(other)).toBe(false);
    // The typed client sends neither Origin nor Sec-Fetch-Site, as a script would.
    const script = await server.signIn(tenant, 'agent');
    await script.trpc.auth.logout.mutate();
    expect(await stillSignedIn(script)).toBe(false);
  });

  it('refuses a batch of more than 10 calls before running any', async () => {
    const calls = Array.from({ length: 11 }, () => 'dossiers.create').join(',');
    const input = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [i, { demarche: 'aide-sociale' }]),
    );
    const before = await citizen.trpc.dossiers.mine.query();
    const response = await citizen.fetch(`/trpc/${calls}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { message: string; data: object } };
    expect(answer.error.message).toMatch(/Trop d’appels/);
    expect(answer.error.data).toMatchObject({ domainCode: 'BATCH_TOO_LARGE' });
    expect(await citizen.trpc.dossiers.mine.query()).toEqual(before);
  });
});
