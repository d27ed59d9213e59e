import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { initTRPC } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { trpcHandler } from './trpcHandler.ts';

const t = initTRPC.create();
const router = t.router({
  echo: t.procedure.input(z.object({ text: z.string() })).query(({ input }) => input.text),
  save: t.procedure
    .input(z.object({ text: z.string() }))
    .mutation(({ input }) => input.text.length),
});

let server: Server;
let base: string;
beforeAll(async () => {
  const handle = trpcHandler({
    router,
    endpoint: '/trpc',
    maxBodyBytes: 1024,
    createContext: async ({ res }) => {
      res.setHeader('X-Request-Id', 'r-1');
      res.appendHeader('Set-Cookie', ['a=1; HttpOnly', 'b=2; HttpOnly']);
      return {};
    },
  });
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw HTTP exchange, so headers (Host, Set-Cookie, Transfer-Encoding) and bytes are as sent. */
function exchange(
  path: string,
  options: { method?: string; body?: string; host?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, unknown>;
    body: string;
    bytes: Buffer;
  }>((resolve, reject) => {
    const url = new URL(path, base);
    const sent = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(options.host ? { host: options.host } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: bytes.toString('utf8'),
            bytes,
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

describe('trpcHandler', () => {
  it('answers a query and a mutation whole, with their length, and the context’s headers', async () => {
    const query = await exchange(`/trpc/echo?input=${encodeURIComponent('{"text":"é"}')}`);
    expect(query.status).toBe(200);
    expect(JSON.parse(query.body)).toEqual({ result: { data: 'é' } });
    expect(query.headers['content-length']).toBe(String(Buffer.byteLength(query.body)));
    expect(query.headers['transfer-encoding']).toBeUndefined();
    expect(query.headers['x-request-id']).toBe('r-1');
    expect(query.headers['set-cookie']).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly']);
    expect(query.headers['content-type']).toMatch(/^application\/json/);

    const mutation = await exchange('/trpc/save', { method: 'POST', body: '{"text":"abc"}' });
    expect(JSON.parse(mutation.body)).toEqual({ result: { data: 3 } });
  });

  it('answers a batch of calls in one answer', async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { text: 'a' }, 1: { text: 'b' } }));
    const batch = await exchange(`/trpc/echo,echo?batch=1&input=${input}`);
    expect(JSON.parse(batch.body)).toEqual([{ result: { data: 'a' } }, { result: { data: 'b' } }]);
  });

  it('refuses a body over the limit with tRPC’s 413, after reading it to the end', async () => {
    const tooLarge = await exchange('/trpc/save', {
      method: 'POST',
      body: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).error.message).toBe(
      'La requête dépasse la taille maximale acceptée (1 Ko).',
    );
    expect(JSON.parse(tooLarge.body).error.data).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      httpStatus: 413,
    });
  });

  it('answers bad input as tRPC does, and is not thrown by a forged Host header', async () => {
    const invalid = await exchange('/trpc/save', { method: 'POST', body: '{"text":1}' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.data.code).toBe('BAD_REQUEST');
    const forged = await exchange('/trpc/save', {
      method: 'POST',
      body: '{"text":"ok"}',
      host: 'exa mple:99999',
    });
    expect(JSON.parse(forged.body)).toEqual({ result: { data: 2 } });
  });

  it('compresses a large query answer for its own pages, never for another site nor a mutation', async () => {
    const text = 'Dossier déposé par Éloïse Dupont, 12 rue des Lilas. '.repeat(100);
    const path = `/trpc/echo?input=${encodeURIComponent(JSON.stringify({ text }))}`;
    const plain = JSON.stringify({ result: { data: text } });

    const own = await exchange(path, {
      headers: { 'accept-encoding': 'gzip, deflate, br', 'sec-fetch-site': 'same-origin' },
    });
    expect(own.headers['content-encoding']).toBe('br');
    expect(own.headers.vary).toMatch(/trpc-accept.*Accept-Encoding/);
    expect(own.headers['content-length']).toBe(String(own.bytes.length));
    expect(own.bytes.length).toBeLessThan(plain.length / 10);
    expect(brotliDecompressSync(own.bytes).toString('utf8')).toBe(plain);

    const gzipOnly = await exchange(path, { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipOnly.bytes).toString('utf8')).toBe(plain);

    // A link or navigation from another site carries the session cookie: its answer's
    // length must not depend on what was compressed with what (BREACH).
    for (const site of ['cross-site', 'same-site']) {
      const foreign = await exchange(path, {
        headers: { 'accept-encoding': 'br, gzip', 'sec-fetch-site': site },
      });
      expect(foreign.headers['content-encoding']).toBeUndefined();
      expect(foreign.body).toBe(plain);
    }
    const small = await exchange(`/trpc/echo?input=${encodeURIComponent('{"text":"é"}')}`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    const mutation = await exchange('/trpc/save', {
      method: 'POST',
      body: JSON.stringify({ text }),
      headers: { 'accept-encoding': 'br', 'sec-fetch-site': 'same-origin' },
    });
    expect(mutation.headers['content-encoding']).toBeUndefined();
  });
});
