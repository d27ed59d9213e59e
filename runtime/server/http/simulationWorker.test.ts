import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSecurityHeaders } from './securityHeaders.ts';
import { serveStatic } from './serveStatic.ts';

// docs/SECURITY.md §84: the studio's simulation worker alone may evaluate code (ajv's
// compiled schemas), and it can reach nothing; every other script keeps the strict policy.

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guichet-simulation-worker-'));
  await mkdir(join(root, 'assets'));
  await mkdir(join(root, 'studio'));
  for (const name of [
    'simulation.worker-Ab1_x.js',
    'layout.worker-Zz9.js',
    'studio-1.js',
    'simulation.worker-Ab1_x.js.map',
  ]) {
    await writeFile(join(root, 'assets', name), '// script');
  }
  await writeFile(join(root, 'studio', 'simulation.worker-Ab1_x.js'), '// not an asset');
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

async function policyOf(path: string): Promise<string> {
  const response = await fetch(`${url}${path}`);
  expect(response.status, path).toBe(200);
  return response.headers.get('content-security-policy') ?? '';
}

describe('the simulation worker’s policy', () => {
  it('lets the worker evaluate code but reach nothing', async () => {
    const policy = await policyOf('/assets/simulation.worker-Ab1_x.js');
    expect(policy.split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self' 'unsafe-eval'",
      "worker-src 'none'",
      "base-uri 'none'",
    ]);
    expect(policy).not.toContain('connect-src');
  });

  it('keeps every other script, and a look-alike outside assets/, under the strict policy', async () => {
    for (const path of [
      '/assets/layout.worker-Zz9.js',
      '/assets/studio-1.js',
      '/assets/simulation.worker-Ab1_x.js.map',
      '/studio/simulation.worker-Ab1_x.js',
    ]) {
      const policy = await policyOf(path);
      expect(policy, path).not.toContain('unsafe-eval');
      expect(policy, path).toContain("script-src 'self'");
    }
  });
});
