import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGracefully, enableGracefulClose } from './gracefulClose.ts';

// SIGTERM (docs/SECURITY.md §26): what `closeGracefully` promises to the clients of a
// real HTTP server, over raw keep-alive sockets so every byte the server sends is seen.

interface Answer {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
}

/** One kept-alive client connection, one request at a time, answers by Content-Length. */
interface KeptAlive {
  get(path: string): Promise<Answer>;
  /** Resolves when the server (or anything) closes the socket. */
  closed: Promise<void>;
}

function keptAlive(port: number): KeptAlive {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => {});
  let received = Buffer.alloc(0);
  let waiting: ((answer: Answer) => void) | null = null;
  let failed: ((error: Error) => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const end = received.indexOf('\r\n\r\n');
    if (end < 0 || waiting === null) return;
    const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }),
    );
    const length = Number(headers['content-length'] ?? 0);
    if (received.length < end + 4 + length) return;
    received = received.subarray(end + 4 + length);
    const resolve = waiting;
    waiting = null;
    resolve({ status: Number(statusLine!.split(' ')[1]), headers });
  });
  void closed.then(() => failed?.(new Error('connection closed before the answer')));
  return {
    closed,
    get(path) {
      return new Promise<Answer>((resolve, reject) => {
        waiting = resolve;
        failed = reject;
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
      });
    },
  };
}

/** Resolves with the error code of a fresh connection attempt, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** `/slow` answers after `slowMs`, anything else at once; counts slow requests received. */
function startServer(slowMs: number) {
  let slowStarted = 0;
  const server: Server = enableGracefulClose(
    createServer((req, res) => {
      const answer = () => {
        res.setHeader('Content-Type', 'text/plain');
        res.setHeader('Content-Length', '2');
        res.end('ok');
      };
      if (req.url === '/slow') {
        slowStarted += 1;
        setTimeout(answer, slowMs);
      } else answer();
    }),
  );
  const listening = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return { server, listening, slowStarted: () => slowStarted };
}

let running: Server | undefined;
afterEach(() => {
  running?.closeAllConnections();
  running?.close();
});

describe('closeGracefully', () => {
  it('finishes in-flight requests with Connection: close, closes idle keep-alive sockets, refuses new connections', async () => {
    const { server, listening, slowStarted } = startServer(800);
    running = server;
    const port = await listening;

    const idle = keptAlive(port);
    expect((await idle.get('/fast')).status).toBe(200);
    const busy = Array.from({ length: 4 }, () => keptAlive(port));
    const inFlight = busy.map((client) => client.get('/slow'));
    let slowAnswered = false;
    void Promise.all(inFlight).then(() => {
      slowAnswered = true;
    });
    while (slowStarted() < busy.length) await new Promise((resolve) => setTimeout(resolve, 5));

    const startedAt = performance.now();
    const closing = closeGracefully(server, 5_000);

    // The idle keep-alive connection goes at once, long before the slow answers.
    await idle.closed;
    expect(slowAnswered).toBe(false);
    expect(await tryConnect(port)).toBe('ECONNREFUSED');

    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.connection).toBe('close');
    }
    await Promise.all(busy.map((client) => client.closed));
    await closing;
    expect(performance.now() - startedAt).toBeLessThan(3_000);
  });

  it('closes what is still open once the timeout is reached', async () => {
    const { server, listening, slowStarted } = startServer(10_000);
    running = server;
    const port = await listening;
    const stuck = keptAlive(port);
    const answer = stuck.get('/slow').catch((error: Error) => error);
    while (slowStarted() < 1) await new Promise((resolve) => setTimeout(resolve, 5));

    const startedAt = performance.now();
    await closeGracefully(server, 300);
    await stuck.closed;
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(await answer).toBeInstanceOf(Error);
  });
});
