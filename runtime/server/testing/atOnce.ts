import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DriverKind } from '../../db/types.ts';
import { type Rejection, rejection } from '../dossiers/testing/rejection.ts';
import type { TestServer } from './startTestServer.ts';

/** How one of the calls ended: answered, or refused by the API (a 500 too). */
export type Settled =
  | { kind: 'answered'; value: unknown }
  | { kind: 'refused'; rejection: Rejection };

/**
 * Runs the calls together and says how each ended, in the order given. On PostgreSQL,
 * `lock` (table names) is held in SHARE mode — reads pass, writes wait — until every call
 * waits on a lock, so all of them are past their « already there? » reads before any
 * writes: the race a check-then-insert loses, made certain instead of lucky. A call
 * serialised by the code under test (a row or advisory lock) counts as waiting too.
 * PGlite is one connection and runs the calls one after the other: no lock is taken.
 *
 * @example
 * const [a, b] = await atOnce(server, { driver, lock: ['users'] }, [() => one(), () => two()]);
 * expect(b).toMatchObject({ kind: 'refused', rejection: { code: 'CONFLICT' } });
 */
export async function atOnce(
  server: Pick<TestServer, 'ownerDatabase'>,
  options: { driver: DriverKind; lock: string[] },
  calls: (() => Promise<unknown>)[],
): Promise<Settled[]> {
  const run = () =>
    Promise.all(
      calls.map((call) =>
        call().then(
          (value): Settled => ({ kind: 'answered', value }),
          async (error: unknown): Promise<Settled> => ({
            kind: 'refused',
            rejection: await rejection(Promise.reject(error)),
          }),
        ),
      ),
    );
  if (options.driver === 'pglite') return run();
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = server.ownerDatabase.db.transaction(async (tx) => {
    for (const table of options.lock) {
      await tx.execute(sql`lock table ${sql.identifier(table)} in share mode`);
    }
    locked();
    await released;
  });
  await Promise.race([isLocked, holder]);
  const running = run();
  // Awaited below; a call failing outside the API must not count as unhandled meanwhile.
  running.catch(() => {});
  try {
    await expect
      .poll(() => waitingBackends(server), { timeout: 60_000, interval: 50 })
      .toBe(calls.length);
  } finally {
    release();
    await holder;
  }
  return running;
}

/**
 * Backends of this test's database waiting for a lock: for a call that must start only
 * once another waits.
 */
export async function waitingBackends(server: Pick<TestServer, 'ownerDatabase'>): Promise<number> {
  const { rows } = await server.ownerDatabase.executeSql(
    `select count(distinct l.pid)::int as waiting
       from pg_locks l join pg_stat_activity s on s.pid = l.pid
      where not l.granted and s.datname = current_database()`,
  );
  return (rows as { waiting: number }[])[0]?.waiting ?? 0;
}
