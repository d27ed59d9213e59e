import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './serveStatic.ts';

let root: string;
let server: Server;
let url: string;
const script = `export const texte = ${JSON.stringify('Démarche '.repeat(400))};\n`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guichet-compressed-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Guichet</title>');
  await writeFile(join(root, 'assets', 'app-3f2a.js'), script);
  await writeFile(join(root, 'assets', 'app-3f2a.js.br'), brotliCompressSync(script));
  await writeFile(join(root, 'assets', 'app-3f2a.js.gz'), gzipSync(script));
  await writeFile(join(root, 'assets', 'lone-9c1d.js'), script);
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

/** A raw answer (fetch would decode the body and hide what was sent). */
async function raw(path: string, acceptEncoding: string) {
  const { request } = await import('node:http');
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(`${url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('hashed assets, compressed at build time', () => {
  it('sends the brotli copy to a browser that takes it, else gzip, else the file', async () => {
    const br = await raw('/assets/app-3f2a.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-length']).toBe(String(br.body.length));
    expect(br.body.length).toBeLessThan(script.length / 4);
    const gz = await raw('/assets/app-3f2a.js', 'gzip;q=1.0, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await raw('/assets/app-3f2a.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    for (const answer of [br, gz, plain]) {
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(answer.headers['vary']).toBe('Accept-Encoding');
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('decodes to the very file (what a browser runs)', async () => {
    const response = await fetch(`${url}/assets/app-3f2a.js`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(await response.text()).toBe(script);
  });

  it('sends a file the build did not compress as it is', async () => {
    const lone = await raw('/assets/lone-9c1d.js', 'br, gzip');
    expect(lone.headers['content-encoding']).toBeUndefined();
    expect(lone.body.toString()).toBe(script);
  });
});
