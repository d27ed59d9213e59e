import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coalescingSocket } from './coalescingSocket.ts';

let server: Server | undefined;
let client: Socket | undefined;
afterEach(async () => {
  client?.destroy();
  const open = server;
  server = undefined;
  if (open?.listening) await new Promise((resolve) => open.close(resolve));
});

/** A loopback server that collects what it receives, and a coalescing client to it. */
async function connected(): Promise<{ client: Socket; received: () => Promise<Buffer> }> {
  const chunks: Buffer[] = [];
  server = createServer((peer) => peer.on('data', (chunk: Buffer) => chunks.push(chunk)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  client = await coalescingSocket({ host: ['127.0.0.1'], port: [port] });
  const received = async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return Buffer.concat(chunks);
  };
  return { client, received };
}

/** Counts the socket's calls into libuv: one per write syscall (write or writev). */
function countSyscalls(socket: Socket): { count: number } {
  const counter = { count: 0 };
  const internals = socket as unknown as Record<'_write' | '_writev', (...a: unknown[]) => void>;
  for (const name of ['_write', '_writev'] as const) {
    const original = internals[name].bind(socket);
    internals[name] = (...args: unknown[]) => {
      counter.count += 1;
      original(...args);
    };
  }
  return counter;
}

describe('coalescingSocket', () => {
  it('sends a large write and the rest of its batch, written a setImmediate later, in one syscall', async () => {
    const { client, received } = await connected();
    const syscalls = countSyscalls(client);
    // As postgres.js does: a 1 KiB buffer at once, the rest of the tick's messages later.
    client.write(Buffer.alloc(1500, 'a'));
    setImmediate(() => client.write(Buffer.alloc(500, 'b')));
    const bytes = await received();
    expect(bytes.length).toBe(2000);
    expect(bytes.subarray(1499, 1501).toString()).toBe('ab');
    expect(syscalls.count).toBe(1);
  });

  it('leaves small writes alone: each goes out when written', async () => {
    const { client, received } = await connected();
    const syscalls = countSyscalls(client);
    client.write('x');
    client.write('y');
    expect(syscalls.count).toBe(2);
    expect((await received()).toString()).toBe('xy');
  });

  it('hands postgres.js a socket failing with the connection error when the server is unreachable', async () => {
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server!.close(resolve));
    const socket = await coalescingSocket({ host: ['127.0.0.1'], port: [port] });
    const [error] = (await once(socket, 'error')) as Error[];
    expect(String(error)).toMatch(/ECONNREFUSED/);
  });

  it('walks a multi-host list: a refused first host, then the one that answers', async () => {
    const refused = createServer();
    refused.listen(0, '127.0.0.1');
    await once(refused, 'listening');
    const refusedPort = (refused.address() as { port: number }).port;
    await new Promise((resolve) => refused.close(resolve));
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    client = await coalescingSocket({
      host: ['127.0.0.1', '127.0.0.1'],
      port: [refusedPort, port],
    });
    expect(client.remotePort).toBe(port);
  });
});
