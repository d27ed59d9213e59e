import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/driver/openDatabase.ts';
import {
  createScratchDatabase,
  type ScratchDatabase,
  testDrivers,
} from '../../db/testing/index.ts';
import type { Database } from '../../db/types.ts';
import { buildDeps } from '../buildDeps.ts';
import { loadConfig } from '../core/config.ts';
import { createHttpServer } from './createHttpServer.ts';

/**
 * A TCP relay to PostgreSQL the test can cut: `down()` refuses new connections and
 * drops the open ones, as a database that went away; `up()` brings it back.
 */
async function databaseRelay(target: URL) {
  const peers = new Set<Socket>();
  let listener: TcpServer | null = null;
  let port = 0;
  const up = async () => {
    listener = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        peers.add(socket);
        socket.on('close', () => peers.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    listener.listen(port, '127.0.0.1');
    await once(listener, 'listening');
    port = (listener.address() as AddressInfo).port;
  };
  const down = async () => {
    const closing = listener;
    listener = null;
    for (const socket of peers) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  await up();
  return { port: () => port, up, down };
}

// PostgreSQL only: PGlite runs in the process and cannot go away.
for (const kind of testDrivers().filter((driver) => driver === 'postgres')) {
  describe(`a database that goes away [${kind}]`, () => {
    let scratch: ScratchDatabase;
    let relay: Awaited<ReturnType<typeof databaseRelay>>;
    let database: Database;
    let server: Server;
    let base: string;
    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env.DATABASE_URL!);
      const direct = new URL(scratch.url);
      relay = await databaseRelay(direct);
      const relayed = new URL(scratch.url);
      relayed.hostname = '127.0.0.1';
      relayed.port = String(relay.port());
      database = await openDatabase({ url: relayed.toString(), maxConnections: 2 });
      const config = { ...loadConfig({}), webRoot: '/nonexistent' };
      server = createHttpServer(await buildDeps({ database, config }));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await relay.up().catch(() => {});
      await database.close();
      await scratch.drop();
    });

    it('answers 503 with Retry-After and a French message while it is away, then recovers by itself', async () => {
      const listing = `${base}/trpc/demarches.listPublished?input=${encodeURIComponent(JSON.stringify({ tenant: 'nowhere' }))}`;
      const first = await fetch(listing);
      expect(first.status).not.toBe(503);
      await relay.down();
      const away = await fetch(listing);
      expect(away.status).toBe(503);
      expect(away.headers.get('retry-after')).toBe('5');
      const body = (await away.json()) as {
        error: { message: string; data: { domainCode: string } };
      };
      expect(body.error.data.domainCode).toBe('DATABASE_UNAVAILABLE');
      expect(body.error.message).toContain('momentanément indisponible');
      const readiness = await fetch(`${base}/readyz`);
      expect(readiness.status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await relay.up();
      const started = performance.now();
      let status = 0;
      while (status !== first.status && performance.now() - started < 10_000) {
        status = (await fetch(listing)).status;
        if (status !== first.status) {
          expect(status).toBe(503);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      expect(status).toBe(first.status);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    });
  });
}
