import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSecurityHeaders } from './securityHeaders.ts';
import { serveStatic } from './serveStatic.ts';

// docs/SECURITY.md §90: the studio's page alone lets its JSON editor style itself — with a
// fresh nonce for `<style>` elements, and `style` attributes — while scripts stay strict.

const PAGE =
  '<!doctype html><html lang="fr"><head><script type="module" crossorigin src="/assets/studio-1.js"></script></head><body></body></html>';

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guichet-studio-page-'));
  await mkdir(join(root, 'studio'));
  await writeFile(join(root, 'studio', 'index.html'), PAGE);
  await writeFile(join(root, 'index.html'), PAGE.replace('studio-1', 'citizen-1'));
  server = createServer((req, res) => {
    setSecurityHeaders(res, { tls: false });
    serveStatic(req, res, root).then((served) => {
      if (!served) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the studio page', () => {
  it('carries a fresh style nonce on its scripts and in its CSP, scripts as strict as elsewhere', async () => {
    const nonces = new Set<string>();
    for (const path of ['/studio/', '/studio/index.html', '/studio/demarches/aide']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const policy = directives(response.headers.get('content-security-policy') ?? '');
      const nonce = /^'self' 'nonce-([A-Za-z0-9+/=]{24})'$/.exec(
        policy.get('style-src-elem') ?? '',
      )?.[1];
      expect(nonce, path).toBeDefined();
      nonces.add(nonce!);
      expect(await response.text()).toContain(`<script nonce="${nonce}" type="module"`);
      expect(policy.get('style-src-attr')).toBe("'unsafe-inline'");
      expect(policy.get('style-src')).toBe("'self'");
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    }
    expect(nonces.size).toBe(3);
  });

  it('leaves every other page under the strict policy, without a nonce', async () => {
    const response = await fetch(`${url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('nonce-');
    expect(await response.text()).not.toContain('nonce=');
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${url}/studio/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
