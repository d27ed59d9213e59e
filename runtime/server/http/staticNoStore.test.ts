import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './serveStatic.ts';

// Regression: HTML pages were answered `Cache-Control: no-cache`, which lets a browser
// store them on disk (docs/SECURITY.md §12 asks for `no-store` on anything but hashed assets).

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guichet-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Guichet</title>');
  await writeFile(join(root, 'assets', 'app-3f2a.js'), 'console.log(1)');
  server = createServer((req, res) => {
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

describe('static answers', () => {
  it('sends HTML pages with no-store, not no-cache', async () => {
    for (const path of ['/', '/index.html', '/demarches/aide-sociale']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('still caches hashed assets for a year', async () => {
    const response = await fetch(`${url}/assets/app-3f2a.js`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
