import { Column, is, Param, Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../schema/index.ts';
import type { AppDatabase } from '../types.ts';
import { rowsOf, toDriverValues } from './driverValues.ts';

/**
 * Where fixed statements are written: drizzle's query builder on no connection at all
 * (`.toSQL()` only needs the PostgreSQL dialect, the same for both drivers).
 */
export const statementBuilder = drizzle.mock({ schema });

/** The columns a statement returns, by the key each gets in a decoded row. */
type ColumnSelection = Record<string, Column>;

/** A decoded row of `columns`, typed as drizzle types a `select(columns)`. */
export type RowOf<C extends ColumnSelection> = {
  [K in keyof C]: C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null;
};

export interface FixedStatement<V, R> {
  /** The SQL text, `$1`, `$2`… in the order drizzle numbered the placeholders. */
  readonly text: string;
  /** Runs it on `db` (a transaction or the pool): the rows, decoded when columns were given. */
  run(db: AppDatabase, values: V): Promise<R[]>;
}

/**
 * A statement of a hot path, written with drizzle's query builder and
 * `sql.placeholder('name')`, whose SQL text is built ONCE, at module load, instead of on
 * every call: drizzle spends tens of µs of CPU per statement rebuilding the same text
 * from the schema (`buildQueryFromSourceParams`, `is`), a quarter of a submit's CPU.
 * Each call only fills the placeholders, through the column's encoder where drizzle
 * knows it (jsonb to JSON text, timestamps to ISO) and like `sqlExecutorFor` otherwise,
 * and runs the text through the database's own drizzle session — the transaction's
 * connection, on either driver. With `columns` (the selection given to `select` or
 * `returning`, in the same order) rows are read by position and decoded by each column
 * as drizzle would decode them.
 *
 * @example
 * const lastSeq = fixedStatement<{ tenantId: string; id: string }, { seq: number }>(
 *   statementBuilder.select({ seq: dossierEvents.seq }).from(dossierEvents).where(and(
 *     eq(dossierEvents.tenantId, sql.placeholder('tenantId')),
 *     eq(dossierEvents.dossierId, sql.placeholder('id')),
 *   )).orderBy(desc(dossierEvents.seq)).limit(1),
 *   { seq: dossierEvents.seq },
 * );
 * const [last] = await lastSeq.run(tx, { tenantId, id });
 */
export function fixedStatement<V extends object, R = unknown>(
  built: { toSQL(): Query },
  columns?: ColumnSelection,
): FixedStatement<V, R> {
  const { sql: text, params } = built.toSQL();
  const fillers = params.map(fillerOf);
  const decode = columns === undefined ? undefined : rowDecoder(columns);
  return {
    text,
    async run(db, values) {
      const filled = toDriverValues(fillers.map((fill) => fill(values as Record<string, unknown>)));
      const query = db._.session.prepareQuery(
        { sql: text, params: filled },
        undefined,
        undefined,
        decode !== undefined,
        decode,
      );
      const result = await query.execute();
      return (decode === undefined ? rowsOf(result) : result) as R[];
    },
  };
}

/**
 * A placeholder for an update's `set`, whose types take values but no placeholder: as
 * SQL around a parameter bound to `column`, so it is encoded as a value of that column.
 *
 * @example
 * statementBuilder.update(dossiers).set({ state: placeholderFor(dossiers.state, 'state') })
 */
export function placeholderFor(column: Column, name: string): SQL {
  return sql`${sql.param(sql.placeholder(name), column)}`;
}

type Filler = (values: Record<string, unknown>) => unknown;

function fillerOf(param: unknown): Filler {
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { encoder } = param;
    const read = placeholderValue(param.value.name);
    // As drizzle does for a literal value: null stays SQL NULL, not jsonb `null`.
    return (values) => {
      const value = read(values);
      return value === null ? null : encoder.mapToDriverValue(value);
    };
  }
  if (is(param, Placeholder)) return placeholderValue(param.name);
  return () => param;
}

function placeholderValue(name: string): Filler {
  return (values) => {
    const value = values[name];
    if (value === undefined) throw new Error(`guichet: no value for placeholder ${name}`);
    return value;
  };
}

function rowDecoder(columns: ColumnSelection): (rows: unknown[][]) => unknown[] {
  const entries = Object.entries(columns);
  for (const [key, column] of entries) {
    if (!is(column, Column)) throw new Error(`guichet: ${key} is not a column`);
  }
  return (rows) =>
    rows.map((row) => {
      const decoded: Record<string, unknown> = {};
      for (let index = 0; index < entries.length; index += 1) {
        const [key, column] = entries[index]!;
        const raw = row[index];
        decoded[key] = raw === null || raw === undefined ? null : column.mapFromDriverValue(raw);
      }
      return decoded;
    });
}
