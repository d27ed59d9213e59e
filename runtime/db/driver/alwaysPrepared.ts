import type { Sql, TransactionSql, UnsafeQueryOptions } from 'postgres';

type Client = Sql | TransactionSql;
type Scoped = (...args: unknown[]) => Promise<unknown>;

/**
 * The postgres.js client as drizzle should see it: every parametrised `unsafe` call is a
 * named prepared statement, in the pool and inside `begin` / `savepoint` scopes alike.
 *
 * drizzle's postgres-js session passes `prepare: name !== undefined`, and nothing we run
 * names its queries, so every statement went out unnamed. postgres.js then sends an
 * unnamed statement with parameters in two round trips (Parse + Describe, wait for the
 * parameter types, then Bind + Execute) and cannot pipeline behind it; a prepared one is
 * parsed once per connection and then costs one Bind + Execute. Statements without
 * parameters keep the simple protocol (postgres.js's default), so scripts are unaffected.
 *
 * Costs, and why they are acceptable here: each connection keeps one server-side
 * statement per distinct SQL text (drizzle builds a stable text per query shape; a
 * connection is recycled by postgres.js's `max_lifetime` anyway), and after five runs
 * PostgreSQL may switch a statement to a generic plan. Our statements look rows up by
 * key, where the generic plan is the custom one; a query whose best plan depends on its
 * values (a skewed filter) can opt out with `plan_cache_mode` or be sent on its own.
 * Poolers in transaction mode need prepared-statement support (PgBouncer ≥ 1.21).
 *
 * @example
 * const db = drizzle(alwaysPrepared(postgres(url)), { schema });
 */
export function alwaysPrepared<T extends Client>(client: T): T {
  const unsafe = (
    text: string,
    parameters?: unknown[] | UnsafeQueryOptions,
    options?: UnsafeQueryOptions,
  ) =>
    Array.isArray(parameters) || parameters === undefined
      ? client.unsafe(text, (parameters ?? []) as never[], { ...options, prepare: true })
      : client.unsafe(text, [], { ...parameters, prepare: true });
  // begin(cb), begin(options, cb), savepoint(cb), savepoint(name, cb): the callback is last.
  const scoped =
    (original: Scoped): Scoped =>
    (...args) => {
      const callback = args.pop() as (tx: TransactionSql) => unknown;
      return original(...args, (tx: TransactionSql) => callback(alwaysPrepared(tx)));
    };
  const begin = 'begin' in client ? scoped(client.begin as Scoped) : undefined;
  const savepoint = 'savepoint' in client ? scoped(client.savepoint as Scoped) : undefined;
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') return unsafe;
      if (key === 'begin' && begin !== undefined) return begin;
      if (key === 'savepoint' && savepoint !== undefined) return savepoint;
      return Reflect.get(target, key, receiver);
    },
  });
}
