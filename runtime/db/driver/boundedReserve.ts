import type { ReservedSql, Sql } from 'postgres';

/**
 * How long a transaction may wait for a pool connection. Longer than any queue a busy
 * pool makes (a submit holds its connection for milliseconds), as long as the connect
 * timeout: a database that cannot hand out a connection fails the request in seconds.
 */
export const POOL_WAIT_MS = 5_000;

/** The code of the error a reservation that waited too long fails with. */
export const POOL_TIMEOUT = 'POOL_TIMEOUT';

/**
 * `client.reserve()` that gives up after `waitMs`. postgres.js (3.4) can drop a waiting
 * reservation: when a connection closes, the pool hands it to the first waiter to
 * reconnect with, and once connected it clears a reservation while it fetches the array
 * types — that waiter is in no queue any more and its promise never settles (the
 * request hung for good after `pg_terminate_backend`). The wait ends in a connection
 * error instead (a 503); a connection that still arrives after it is handed back.
 *
 * @example
 * const reserved = await reserveWithin(client, POOL_WAIT_MS);
 */
export function reserveWithin(client: Sql, waitMs: number): Promise<ReservedSql> {
  const reservation = client.reserve();
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reservation.then(
        (late) => late.release(),
        () => {},
      );
      reject(poolTimeout(waitMs));
    }, waitMs);
  });
  return Promise.race([reservation, gaveUp]).finally(() => clearTimeout(timer));
}

/** The error of a wait for a pool connection that gave up after `waitMs`. */
export function poolTimeout(waitMs: number): Error {
  return Object.assign(new Error(`no database connection within ${waitMs} ms`), {
    code: POOL_TIMEOUT,
  });
}
