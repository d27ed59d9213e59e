import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../db/index.ts';
import { reachableAssets } from '../testing/reachableAssets.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { ensureWebBuild } from './ensureWebBuild.ts';

let outDir: string;
let server: TestServer;

describe('the built web apps, served by the real server', () => {
  beforeAll(async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'guichet-webbuild-'));
    outDir = await ensureWebBuild({ outDir: join(scratch, 'web') });
    // Pages are a tenant's (docs/SECURITY.md §133): the loopback address gets the default one.
    server = await startTestServer({ config: { webRoot: outDir, defaultTenant: 'pages' } });
    await server.database.db.insert(tenants).values({ slug: 'pages', name: 'Pages' });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(join(outDir, '..'), { recursive: true, force: true });
  });

  it.each([
    ['/', 'Guichet — démarches en ligne'],
    ['/agent/', 'Guichet — espace agents'],
    ['/studio/', 'Guichet — studio des démarches'],
  ])(
    'serves %s as French HTML, never stored, under the strict CSP (studio: §90)',
    async (path, title) => {
      const response = await fetch(new URL(path, server.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      // The studio's JSON editor styles itself (docs/SECURITY.md §90); nothing else may.
      if (path === '/studio/') expect(csp).toContain("style-src-attr 'unsafe-inline'");
      else expect(csp).not.toContain('unsafe-inline');
      const html = await response.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('<meta name="guichet-tenant" content="pages">');
      expect(html).toContain(`<title>${title}</title>`);
      // No inline code: every script has a src, no style attribute or element.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    },
  );

  it('falls back to each app’s page for its client-side routes', async () => {
    const agent = await (await fetch(new URL('/agent/dossiers/42', server.url))).text();
    expect(agent).toContain('espace agents');
    const studio = await (await fetch(new URL('/studio/demarches/aide', server.url))).text();
    expect(studio).toContain('studio des démarches');
    const citizen = await (await fetch(new URL('/demarches/aide-sociale', server.url))).text();
    expect(citizen).toContain('démarches en ligne');
    expect((await fetch(new URL('/assets/absent.js', server.url))).status).toBe(404);
  });

  it('paints the citizen page before its scripts run: a static shell React replaces', async () => {
    const html = await (await fetch(new URL('/mes-dossiers', server.url))).text();
    const shell = html.slice(html.indexOf('<div id="app">'));
    expect(shell).toContain('<a class="lien-evitement" href="#contenu">Aller au contenu</a>');
    expect(shell).toContain('<main id="contenu" tabindex="-1">');
    expect(shell).toContain('<p role="status">Chargement…</p>');
  });

  it('announces a form page’s own scripts with its HTML, and only there', async () => {
    const form = await fetch(
      new URL('/dossiers/0b9d4c1e-2f7a-4d2b-9a51-3c6e8f1d2a47/remplir', server.url),
    );
    const link = form.headers.get('link') ?? '';
    const modules = [
      ...link.matchAll(/<(\/assets\/[\w.-]+\.js)>; rel=modulepreload; crossorigin/g),
    ];
    expect(modules.map((match) => match[1]).join()).toMatch(/\/assets\/FillPage-[\w-]+\.js/);
    const html = await form.text();
    for (const [, module] of modules) {
      // Not one the entry's HTML already loads, and one the server has.
      expect(html).not.toContain(module);
      expect((await fetch(new URL(module!, server.url))).status).toBe(200);
    }
    for (const path of ['/', '/mes-dossiers', '/dossiers/42/confirmation', '/agent/dossiers/42']) {
      expect((await fetch(new URL(path, server.url))).headers.get('link'), path).toBeNull();
    }
  });

  it('serves hashed assets with their content type and a year of cache', async () => {
    const assets = await readdir(join(outDir, 'assets'));
    const script = assets.find((name) => name.startsWith('citizen-') && name.endsWith('.js'));
    const style = assets.find((name) => name.endsWith('.css'));
    for (const [name, type] of [
      [script, 'text/javascript; charset=utf-8'],
      [style, 'text/css; charset=utf-8'],
    ] as const) {
      const response = await fetch(new URL(`/assets/${name}`, server.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('writes brotli and gzip copies of the scripts, and serves the one the browser takes', async () => {
    const assets = await readdir(join(outDir, 'assets'));
    const script = assets.find((name) => name.startsWith('citizen-') && name.endsWith('.js'))!;
    expect(assets).toContain(`${script}.br`);
    expect(assets).toContain(`${script}.gz`);
    const response = await fetch(new URL(`/assets/${script}`, server.url), {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.text()).toContain('import');
  });

  it('keeps monaco and xyflow out of the citizen and agent pages, even lazily', async () => {
    for (const page of ['index.html', 'agent/index.html']) {
      const scripts = await reachableAssets(outDir, page);
      expect(scripts.size, page).toBeGreaterThan(0);
      for (const [name, code] of scripts) {
        expect(code.includes('monaco-editor'), `${page} → ${name}`).toBe(false);
        expect(code.includes('react-flow__'), `${page} → ${name}`).toBe(false);
      }
    }
  });

  it('does not rebuild when the output is newer than every web source', async () => {
    const before = (await stat(join(outDir, 'index.html'))).mtimeMs;
    await ensureWebBuild({ outDir });
    expect((await stat(join(outDir, 'index.html'))).mtimeMs).toBe(before);
  });
});
