/**
 * Converts raw-SQL parameters the way node-postgres does, because pg-boss was written
 * against it: postgres.js refuses `undefined`, and with drizzle's pass-through jsonb
 * serializer it would crash on a plain object instead of sending JSON.
 *
 * @example
 * toDriverValues([undefined, { a: 1 }, new Date(0)]) // [null, '{"a":1}', '1970-01-01T00:00:00.000Z']
 */
export function toDriverValues(values: readonly unknown[]): unknown[] {
  return values.map(toDriverValue);
}

function toDriverValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return value;
  // Arrays stay arrays: both drivers learn the parameter's array type from the server.
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * The rows of a driver result: postgres.js returns the rows themselves (an array, or an
 * array of arrays for several statements), PGlite `{ rows }` (or a list of them from
 * `exec`). Several statements: the last one's rows, as the caller ran them for it.
 *
 * @example
 * rowsOf([[{ a: 1 }], [{ b: 2 }]]) // [{ b: 2 }]
 */
export function rowsOf(result: unknown): unknown[] {
  if (!Array.isArray(result)) return (result as { rows: unknown[] }).rows;
  const last: unknown = result.at(-1);
  if (Array.isArray(last)) return Array.from(last);
  if (last !== undefined && isPgliteResult(last)) return last.rows;
  return Array.from(result);
}

function isPgliteResult(value: unknown): value is { rows: unknown[]; fields: unknown[] } {
  return typeof value === 'object' && value !== null && 'rows' in value && 'fields' in value;
}
