import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeanHttpConnection } from './leanHttpConnection.ts';

let server: Server;
let port: number;
const seen: Array<{ path: string; cookie: string | undefined; body: string; remote: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({
        path: req.url!,
        cookie: req.headers.cookie,
        body,
        remote: req.socket.remoteAddress!,
      });
      if (req.url === '/chunked') {
        res.write('a');
        res.end('b');
      } else if (req.url === '/hang-up') {
        req.socket.destroy();
      } else {
        const answer = Buffer.from(
          JSON.stringify({ echo: JSON.parse(body), port: req.socket.remotePort }),
        );
        res.writeHead(req.url === '/refused' ? 409 : 200, { 'Content-Length': answer.length });
        res.end(answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('LeanHttpConnection', () => {
  it('posts JSON with its headers, reads answers by length, and keeps one connection', async () => {
    const connection = new LeanHttpConnection({
      host: '127.0.0.1',
      port,
      localAddress: '127.0.0.7',
    });
    const first = await connection.post('/a', 'Cookie: s=1\r\n', '{"text":"é"}');
    const second = await connection.post('/refused', 'Cookie: s=1\r\n', '{"n":2}');
    connection.close();
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).echo).toEqual({ text: 'é' });
    expect(second.status).toBe(409);
    expect(JSON.parse(second.body).port).toBe(JSON.parse(first.body).port);
    expect(seen.slice(-2)).toEqual([
      { path: '/a', cookie: 's=1', body: '{"text":"é"}', remote: '127.0.0.7' },
      { path: '/refused', cookie: 's=1', body: '{"n":2}', remote: '127.0.0.7' },
    ]);
  });

  it('refuses an answer without a length, and a connection the server hangs up, then reconnects', async () => {
    const connection = new LeanHttpConnection({ host: '127.0.0.1', port });
    await expect(connection.post('/chunked', '', '{}')).rejects.toThrow(/without Content-Length/);
    await expect(connection.post('/hang-up', '', '{}')).rejects.toThrow(/closed|reset/i);
    expect((await connection.post('/again', '', '{"ok":true}')).status).toBe(200);
    connection.close();
  });

  it('takes one request at a time', async () => {
    const connection = new LeanHttpConnection({ host: '127.0.0.1', port });
    const first = connection.post('/one', '', '{}');
    await expect(connection.post('/two', '', '{}')).rejects.toThrow(/one request at a time/);
    expect((await first).status).toBe(200);
    connection.close();
  });
});
