import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase, testDrivers } from '../testing/index.ts';
import type { Database } from '../types.ts';
import { isConnectionLost } from './connectionLost.ts';
import { openPostgres } from './openPostgres.ts';

/** A TCP relay to PostgreSQL that can stop forwarding without closing anything. */
async function blackHoleRelay(target: URL) {
  const pairs: Array<[Socket, Socket]> = [];
  const listener = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) socket.on('error', () => {});
    client.pipe(upstream).pipe(client);
    pairs.push([client, upstream]);
  });
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  return {
    port: (listener.address() as AddressInfo).port,
    /** Bytes stop flowing both ways; the sockets stay open, as on a dropped route. */
    blackHole() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    close() {
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      listener.close();
    },
  };
}

// postgres.js only: PGlite has no network between it and the server.
for (const kind of testDrivers().filter((driver) => driver === 'postgres')) {
  describe(`a connection that stops answering [${kind}]`, () => {
    let scratch: ScratchDatabase;
    let relay: Awaited<ReturnType<typeof blackHoleRelay>>;
    let database: Database;
    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env.DATABASE_URL!);
      relay = await blackHoleRelay(new URL(scratch.url));
      const relayed = new URL(scratch.url);
      relayed.hostname = '127.0.0.1';
      relayed.port = String(relay.port);
      database = await openPostgres({
        url: relayed.toString(),
        migrate: false,
        maxConnections: 1,
        transactionDeadlineMs: 1_500,
      });
    });
    afterAll(async () => {
      relay.close();
      await database.close();
      await scratch.drop();
    });

    it('fails a transaction whose connection is black-holed with a connection error within its deadline (it waited for minutes)', async () => {
      const started = performance.now();
      const outcome = await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`select 1 as one`);
          relay.blackHole();
          await tx.execute(sql`select 2 as two`);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isConnectionLost(outcome)).toBe(true);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  });
}
