import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;

/**
 * The drizzle instance services use, whatever the driver. It is the common base class of
 * `PostgresJsDatabase` and `PgliteDatabase`, so the query builder, `transaction` and the
 * relational `query` API are all there. What differs is `execute()`'s raw result shape
 * (an array of rows on postgres.js, `{ rows }` on PGlite): for raw SQL use
 * `sqlExecutorFor(db)` or the query builder, never `execute()` results directly.
 */
export type AppDatabase = PgDatabase<PgQueryResultHKT, Schema>;

/** A drizzle transaction on either driver; it is itself an `AppDatabase`. */
export type AppTransaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;

export type DriverKind = 'postgres' | 'pglite';

/** Rows of a raw query. Timestamps come back as PostgreSQL text on both drivers. */
export interface SqlResult {
  rows: unknown[];
}

/**
 * Raw parametrised SQL (`$1`, `$2`…), the shape pg-boss 10 accepts as its `db` option.
 * Values are converted as node-postgres would: objects to JSON, Dates to ISO strings,
 * undefined to null.
 */
export type ExecuteSql = (text: string, values?: readonly unknown[]) => Promise<SqlResult>;

export type Unlisten = () => Promise<void>;

export interface Database {
  db: AppDatabase;
  kind: DriverKind;
  /**
   * Raw SQL outside any transaction. Without values the text may hold several
   * statements (pg-boss's schema set-up does, with its own BEGIN/COMMIT); the rows are
   * the last statement's.
   */
  executeSql: ExecuteSql;
  /**
   * LISTENs on `channel` until the returned function is called or the database closed.
   * `onListening` runs each time the listener is (re)connected: on PostgreSQL a dropped
   * listening connection reconnects by itself, and what was notified meanwhile is lost.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListening?: () => void,
  ): Promise<Unlisten>;
  /** Applies pending migrations; harmless when there are none. `openDatabase` already did. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
