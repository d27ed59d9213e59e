import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrlSource, type UrlSourceOptions } from './fetchUrlSource.ts';
import { type JsonHttpsServer, startJsonHttpsServer } from './testing/startJsonHttpsServer.ts';

// The far end of a URL source is a real https server on loopback, with its own certificate.

let remote: JsonHttpsServer;
let options: UrlSourceOptions;

beforeAll(async () => {
  remote = await startJsonHttpsServer();
  options = { allowPrivateTargets: true, ca: remote.ca, timeoutMs: 1_000, maxBytes: 10_000 };
});
afterAll(() => remote.close());

describe('fetchUrlSource', () => {
  it('reads entries with the dotted paths, skipping those without code or label', async () => {
    remote.answer('/communes', {
      data: {
        items: [
          { properties: { code: 69123, nom: 'Lyon' } },
          { properties: { code: '69266', nom: 'Villeurbanne' } },
          { properties: { nom: 'Sans code' } },
        ],
      },
    });
    const read = await fetchUrlSource(
      `${remote.origin}/communes`,
      { itemsPath: 'data.items', valuePath: 'properties.code', labelPath: 'properties.nom' },
      options,
    );
    expect(read).toEqual({
      ok: true,
      value: [
        { value: '69123', label: 'Lyon' },
        { value: '69266', label: 'Villeurbanne' },
      ],
    });
  });

  it('refuses http, a private address under the production rules, and credentials', async () => {
    const production = { ...options, allowPrivateTargets: false };
    expect(await fetchUrlSource('http://example.fr/x', {}, options)).toEqual({
      ok: false,
      error: { code: 'NOT_HTTPS' },
    });
    const hits = remote.hits.length;
    expect(await fetchUrlSource(`${remote.origin}/communes`, {}, production)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_TARGET', reason: 'FORBIDDEN_ADDRESS' },
    });
    expect(
      await fetchUrlSource('https://169.254.169.254/latest/meta-data', {}, production),
    ).toMatchObject({ error: { code: 'FORBIDDEN_TARGET' } });
    expect(await fetchUrlSource(`https://admin:secret@127.0.0.1/x`, {}, options)).toMatchObject({
      error: { code: 'FORBIDDEN_TARGET', reason: 'CREDENTIALS_IN_URL' },
    });
    expect(remote.hits.length).toBe(hits);
  });

  it('does not follow a redirect, and reports a failing status', async () => {
    remote.answer('/moved', {}, { status: 302 });
    expect(await fetchUrlSource(`${remote.origin}/moved`, {}, options)).toEqual({
      ok: false,
      error: { code: 'HTTP_STATUS', status: 302 },
    });
  });

  it('cuts an answer over the size cap and one slower than the timeout', async () => {
    remote.answer(
      '/huge',
      Array.from({ length: 2_000 }, (_, i) => ({ value: `${i}`, label: 'x'.repeat(20) })),
    );
    expect(await fetchUrlSource(`${remote.origin}/huge`, {}, options)).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', maxBytes: 10_000 },
    });
    remote.answer('/slow', [], { delayMs: 3_000 });
    expect(
      await fetchUrlSource(`${remote.origin}/slow`, {}, { ...options, timeoutMs: 200 }),
    ).toEqual({ ok: false, error: { code: 'TIMEOUT', timeoutMs: 200 } });
  });

  it('refuses an answer that is not a list', async () => {
    remote.answer('/object', { pas: 'une liste' });
    expect(await fetchUrlSource(`${remote.origin}/object`, {}, options)).toEqual({
      ok: false,
      error: { code: 'NOT_A_LIST' },
    });
  });

  it('refuses a certificate it does not trust', async () => {
    remote.answer('/communes', []);
    const { ca: _trusted, ...untrusting } = options;
    expect(await fetchUrlSource(`${remote.origin}/communes`, {}, untrusting)).toMatchObject({
      ok: false,
      error: { code: 'NETWORK' },
    });
  });
});
