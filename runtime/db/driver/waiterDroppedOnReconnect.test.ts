import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase, testDrivers } from '../testing/index.ts';
import type { Database } from '../types.ts';
import { isConnectionLost } from './connectionLost.ts';
import { isLostTypeFetch } from './lostTypeFetch.ts';
import { openPostgres } from './openPostgres.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Longer than any answer a live or a lost connection gives: past it, the operation hung
 * (a dropped waiter never settles, so the bound only has to be generous). One operation
 * may rightly take a connect timeout (5 s) for its read, then the pool wait
 * (`POOL_WAIT_MS`, 5 s) and a connect for its transaction, on a loaded machine.
 */
const SETTLE_BOUND_MS = 25_000;

type Outcome = 'ok' | 'lost' | 'other' | 'hung';

/** One operation's outcome, `hung` if it has not settled within `SETTLE_BOUND_MS`. */
async function settleWithin(operation: () => Promise<unknown>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve('hung'), SETTLE_BOUND_MS);
  });
  const settled = operation().then(
    (): Outcome => 'ok',
    (error: unknown): Outcome => (isConnectionLost(error) ? 'lost' : 'other'),
  );
  try {
    return await Promise.race([settled, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a submit does on the pool: a read outside, then a pipelined transaction. Both
 * could hang: the transaction's wait for a connection (boundedReserve.ts) and the read's
 * (boundedStart.ts: 1 run in 10 hung on a loaded machine before it).
 */
async function submitLike(database: Database, client: number): Promise<void> {
  await database.db.execute(sql`select ${client}::int as client, pg_backend_pid() as pid`);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select ${client}::int as locked`);
    await tx.execute(sql`select ${'x'.repeat(1500)} as large, ${client}::int as c`);
    await tx.execute(sql`select pg_sleep(0.002), ${client}::int as c`);
  });
}

// postgres.js only: PGlite has no backend to terminate.
for (const kind of testDrivers().filter((driver) => driver === 'postgres')) {
  describe(`backends terminated under load [${kind}]`, () => {
    let scratch: ScratchDatabase;
    let database: Database;
    let admin: postgres.Sql;
    let name: string;
    beforeAll(async () => {
      scratch = await createScratchDatabase(process.env.DATABASE_URL!);
      name = new URL(scratch.url).pathname.slice(1);
      database = await openPostgres({ url: scratch.url, migrate: false, maxConnections: 4 });
      admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      await admin.end();
      await database.close();
      await scratch.drop();
    });

    it('answers every transaction waiting for a pool connection while backends are terminated again and again (postgres.js dropped the waiter it reconnected for: it never settled)', async () => {
      // postgres.js leaves its array-type fetch unawaited: terminated right after a
      // connect, it is an unhandled rejection, which the server lets go (lostTypeFetch.ts)
      // and vitest would report. Only those may occur during the load.
      const vitestListeners = process.listeners('unhandledRejection');
      process.removeAllListeners('unhandledRejection');
      const otherRejections: unknown[] = [];
      const record = (reason: unknown) => {
        if (!isLostTypeFetch(reason)) otherRejections.push(reason);
      };
      process.on('unhandledRejection', record);
      const outcomes = new Map<Outcome, number>();
      const stopAt = performance.now() + 8_000;
      const clients = Array.from({ length: 16 }, async (_, client) => {
        while (performance.now() < stopAt) {
          const outcome = await settleWithin(() => submitLike(database, client));
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (outcome === 'hung') return;
        }
      });
      const terminations = (async () => {
        let round = 0;
        while (performance.now() < stopAt) {
          round += 1;
          await pause(round % 3 === 0 ? 1 + (round % 7) : 30 + ((round * 37) % 250));
          await admin`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = ${name} and pid <> pg_backend_pid()`;
        }
      })();
      try {
        await Promise.all([...clients, terminations]);
        await pause(100);
      } finally {
        process.removeListener('unhandledRejection', record);
        for (const listener of vitestListeners) process.on('unhandledRejection', listener);
      }
      expect(otherRejections).toEqual([]);
      expect(outcomes.get('hung') ?? 0).toBe(0);
      expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
      expect(outcomes.get('lost') ?? 0).toBeGreaterThan(0);
    }, 60_000);
  });
}
