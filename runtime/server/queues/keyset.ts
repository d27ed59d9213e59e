import { and, asc, desc, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isCursorTimestamp } from './queueCursor.ts';

/** One sort column; timestamps travel in cursors as UTC text to the microsecond. */
export interface KeyColumn {
  column: AnyPgColumn;
  kind: 'timestamp' | 'rank';
}

/**
 * A total order for keyset paging: `columns` then `id`. Only the first column may be
 * null (a missing due date); nulls come last ascending and first descending, as in
 * PostgreSQL's default `order by`, which is what the btree indexes store.
 */
export interface Keyset {
  columns: readonly KeyColumn[];
  id: AnyPgColumn;
  firstNullable: boolean;
}

/** The last row of the previous page, from a decoded cursor. */
export interface KeysetPosition {
  key: ReadonlyArray<string | number | null>;
  id: string;
}

/**
 * One index range scan of a page: which rows (`where`) in which order (`orderBy`). A
 * nullable first key splits the order in two segments, the rows with a value and the
 * rows without, because `(due_at, id) > ($1, $2)` never matches a null and an `or`
 * between both would stop the index from returning rows in order.
 */
export interface KeysetSegment {
  where: SQL | undefined;
  orderBy: SQL[];
  /** Column names of the order, id last: what an index must end with to serve it. */
  sortColumns: string[];
}

/**
 * The segments to read, in order, to continue after `after` (or from the start).
 * Each gets the row comparison `(k1, k2, id) > ($1, $2, $3)` (or `<` descending), the
 * form a btree on `(…, k1, k2, id)` turns into an index range.
 *
 * @example
 * const [first] = keysetSegments(keyset, 'desc', null, { withNulls: true });
 * db.select().from(dossiers).where(and(filters, first.where)).orderBy(...first.orderBy).limit(51);
 */
export function keysetSegments(
  keyset: Keyset,
  direction: 'asc' | 'desc',
  after: KeysetPosition | null,
  options: { withNulls: boolean },
): KeysetSegment[] {
  const columns = keyset.columns.map((c) => c.column);
  const order = (cols: AnyPgColumn[]) =>
    [...cols, keyset.id].map((c) => (direction === 'asc' ? asc(c) : desc(c)));
  const names = (cols: AnyPgColumn[]) => [...cols, keyset.id].map((c) => c.name);
  const after0 = after?.key[0];
  if (!keyset.firstNullable) {
    const where = after
      ? rowAfter(keyset, keyset.columns, after.key, after.id, direction)
      : undefined;
    return [{ where, orderBy: order(columns), sortColumns: names(columns) }];
  }
  const [first, ...rest] = keyset.columns;
  if (first === undefined) throw new Error('guichet: a nullable keyset needs a first column');
  const values = (from: boolean): KeysetSegment => ({
    where: and(
      isNotNull(first.column),
      from && after ? rowAfter(keyset, keyset.columns, after.key, after.id, direction) : undefined,
    ),
    orderBy: order(columns),
    sortColumns: names(columns),
  });
  const nulls = (from: boolean): KeysetSegment => ({
    where: and(
      isNull(first.column),
      from && after ? rowAfter(keyset, rest, after.key.slice(1), after.id, direction) : undefined,
    ),
    orderBy: order(rest.map((c) => c.column)),
    sortColumns: names(rest.map((c) => c.column)),
  });
  if (after === null) {
    const both =
      direction === 'asc' ? [values(false), nulls(false)] : [nulls(false), values(false)];
    return options.withNulls ? both : [values(false)];
  }
  if (after0 === null) {
    // Inside the null segment: ascending it is the last one, descending values follow.
    return direction === 'asc' ? [nulls(true)] : [nulls(true), values(false)];
  }
  const tail = direction === 'asc' && options.withNulls ? [nulls(false)] : [];
  return [values(true), ...tail];
}

function rowAfter(
  keyset: Keyset,
  columns: readonly KeyColumn[],
  values: ReadonlyArray<string | number | null>,
  id: string,
  direction: 'asc' | 'desc',
): SQL {
  const left = [...columns.map((c) => sql`${c.column}`), sql`${keyset.id}`];
  const right = [...columns.map((c, i) => castValue(c, values[i] ?? null)), sql`${id}::uuid`];
  const op = direction === 'asc' ? sql`>` : sql`<`;
  if (left.length === 1) return sql`${left[0]} ${op} ${right[0]}`;
  return sql`(${sql.join(left, sql`, `)}) ${op} (${sql.join(right, sql`, `)})`;
}

function castValue(column: KeyColumn, value: string | number | null): SQL {
  return column.kind === 'timestamp' ? sql`${value}::timestamptz` : sql`${value}::smallint`;
}

/**
 * Whether a cursor's key fits `keyset`: right length, timestamps that PostgreSQL will
 * parse, small integers for ranks, null only where a null may be. Checked before any SQL.
 *
 * @example
 * if (!isKeyFor(keyset, position.key)) return err(invalidCursor());
 */
export function isKeyFor(keyset: Keyset, key: ReadonlyArray<unknown>): boolean {
  if (key.length !== keyset.columns.length) return false;
  return keyset.columns.every((column, index) => {
    const value = key[index];
    if (value === null) return index === 0 && keyset.firstNullable;
    if (column.kind === 'timestamp') return isCursorTimestamp(value);
    return Number.isInteger(value) && Math.abs(value as number) <= 32767;
  });
}

/**
 * The select expression giving a key column as the cursor stores it.
 *
 * @example
 * db.select({ k0: keyText(keyset.columns[0]) })...
 */
export function keyText(column: KeyColumn): SQL<string | number | null> {
  return column.kind === 'timestamp'
    ? sql<
        string | null
      >`to_char(${column.column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<number>`${column.column}`;
}
