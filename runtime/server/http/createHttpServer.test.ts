import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the HTTP server', () => {
  it('sends the security headers on every response (docs/SECURITY.md §12)', async () => {
    for (const path of ['/healthz', '/trpc/auth.me', '/nowhere']) {
      const response = await server.client().fetch(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds HSTS when served behind TLS', async () => {
    const tls = await startTestServer({ config: { tls: true } });
    try {
      const response = await tls.client().fetch('/healthz');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await tls.close();
    }
  });

  it('answers unknown paths and path traversal with a French 404', async () => {
    for (const path of ['/nowhere.txt', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await server.client().fetch(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Page introuvable.');
    }
  });

  it('rejects extra input keys with a French message and field errors (docs/SECURITY.md §10)', async () => {
    const response = await server.client().fetch('/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'x', email: 'a@b.fr', password: 'p', state: 'accepte' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: {
        message: string;
        data: { domainCode: string; fieldErrors: Record<string, string[]> };
      };
    };
    expect(body.error.message).toBe('Les données envoyées ne sont pas valides.');
    expect(body.error.data.domainCode).toBe('INVALID_INPUT');
    expect(body.error.data.fieldErrors['']?.join(' ')).toContain('state');
  });

  it('sends API answers whole, with their length (one packet, not a chunked stream)', async () => {
    const batch =
      '/trpc/auth.me,demarches.listPublished?batch=1&input={"1":{"tenant":"nulle-part"}}';
    for (const path of ['/trpc/auth.me', batch, '/trpc/nope.nothing']) {
      const response = await server.client().fetch(path);
      const body = await response.text();
      expect(response.headers.get('transfer-encoding')).toBeNull();
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(body.startsWith('{') || body.startsWith('[')).toBe(true);
    }
  });

  it('never leaks internals of an unexpected failure', async () => {
    const response = await server.client().fetch('/trpc/nope.nothing');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/at .*\.ts:\d+/);
  });
});
