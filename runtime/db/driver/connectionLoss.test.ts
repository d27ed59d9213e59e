import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDrivers } from '../testing/index.ts';
import type { Database } from '../types.ts';
import { isConnectionLost } from './connectionLost.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A statement over postgres.js's 1 KiB threshold: written at once, coalesced. */
const LARGE = 'x'.repeat(2000);

// postgres.js only: PGlite has no connection to lose.
for (const kind of testDrivers().filter((driver) => driver === 'postgres')) {
  describe(`connection loss [${kind}]`, () => {
    let database: Database;
    let admin: postgres.Sql;
    beforeAll(async () => {
      database = await openTestDatabase({ driver: kind });
      admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      await admin.end();
      await database.close();
    });

    const terminate = (pid: number) => admin`select pg_terminate_backend(${pid})`;

    it("fails a transaction whose backend is terminated with a connection error, not an uncaught TypeError reading 'write'", async () => {
      const outcome = database.db.transaction(async (tx) => {
        const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
          pid: number;
        }[];
        await terminate(row!.pid);
        await pause(100);
        // A large, pipelined statement on the closed connection: postgres.js wrote it to a
        // null socket from a setImmediate, and the process died.
        await tx.execute(sql`select ${LARGE} as big`);
      });
      const error = await outcome.then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(isConnectionLost(error)).toBe(true);
      const rows = await database.db.execute(sql`select 1 as ok`);
      expect(rows).toEqual([{ ok: 1 }]);
    });

    it('sets statement_timeout and idle_in_transaction_session_timeout on every connection (a request could wait on the database for good)', async () => {
      const rows = await database.db.execute(
        sql`select current_setting('statement_timeout') as statement,
                   current_setting('idle_in_transaction_session_timeout') as idle`,
      );
      expect(rows).toEqual([{ statement: '30s', idle: '30s' }]);
    });

    it('answers again after every backend of the pool was terminated while idle', async () => {
      await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select pg_sleep(0.01)`)));
      await admin`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`;
      await admin`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'guichet' and datname <> current_database()
          and datname = ${new URL(process.env.DATABASE_URL!).pathname.slice(1) || 'x'}`;
      await pause(200);
      const rows = await database.db.execute(sql`select 2 as ok`);
      expect(rows).toEqual([{ ok: 2 }]);
    });
  });
}
