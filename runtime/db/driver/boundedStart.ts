import type { Sql } from 'postgres';
import { POOL_WAIT_MS, poolTimeout } from './boundedReserve.ts';

/** What postgres.js's query object holds that its types do not show. */
interface QueryInternals {
  /** The backend it was handed to; null while it waits for a connection. */
  state: unknown;
  reject: (error: unknown) => void;
}

/**
 * The postgres.js pool with a bound on how long a statement outside a transaction waits
 * for a connection. postgres.js (3.4) can drop such a statement as it drops a waiting
 * reservation (boundedReserve.ts): a connection closed while it connects takes the
 * statement along and never runs or fails it, so the request hung for good (seen under
 * `pg_terminate_backend` again and again: waiterDroppedOnReconnect.test.ts). A statement
 * not handed to a connection within `waitMs` is taken out of the queue and fails with a
 * connection error (a 503). One handed over is left alone: a lost connection fails it,
 * and PostgreSQL's own `statement_timeout` ends a slow one.
 *
 * @example
 * const db = drizzle(withBoundedStart(postgres(url)), { schema });
 */
export function withBoundedStart(client: Sql, waitMs = POOL_WAIT_MS): Sql {
  const unsafe = ((...args: Parameters<Sql['unsafe']>) => {
    const query = client.unsafe(...args);
    failIfNotStarted(query, waitMs);
    return query;
  }) as Sql['unsafe'];
  return new Proxy(client, {
    get: (target, key, receiver) =>
      key === 'unsafe' ? unsafe : Reflect.get(target, key, receiver),
  });
}

function failIfNotStarted(query: { cancel(): void }, waitMs: number): void {
  const internals = query as unknown as QueryInternals;
  const timer = setTimeout(() => {
    if (internals.state !== null) return;
    // postgres.js cancels a waiting statement by removing it from its queue and
    // rejecting it with a "cancelled by user" error; it is a lost connection instead.
    const reject = internals.reject;
    internals.reject = () => reject(poolTimeout(waitMs));
    query.cancel();
  }, waitMs);
  // A settled statement needs no watch; a process ending does not wait for one.
  timer.unref();
}
