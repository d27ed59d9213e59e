/**
 * Defensive readers for the few shapes the linter walks. The linter runs live in the
 * designer, on definitions being edited, so a half-typed schema must yield "nothing to
 * say" rather than an exception.
 */

/** A JSON Schema object (as opposed to a boolean schema or garbage). */
export type SchemaObject = { readonly [keyword: string]: unknown };

/**
 * Whether `value` is a plain JSON object (a schema object, an expression node…).
 *
 * @example
 * isObject({ type: 'string' }); // true
 * isObject(true); // false
 */
export function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value` when it is an array, else an empty one.
 *
 * @example
 * asArray(undefined); // []
 */
export function asArray<T>(value: readonly T[] | undefined | null | unknown): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

/**
 * The string entries of an array keyword such as `required`, with their index.
 *
 * @example
 * stringEntries(['a', 3, 'b']); // [['a', 0], ['b', 2]]
 */
export function stringEntries(value: unknown): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  asArray<unknown>(value).forEach((entry, index) => {
    if (typeof entry === 'string') out.push([entry, index]);
  });
  return out;
}

/**
 * The entries of an object keyword such as `properties`, or none.
 *
 * @example
 * objectEntries({ nom: { type: 'string' } }); // [['nom', { type: 'string' }]]
 */
export function objectEntries(value: unknown): Array<[string, unknown]> {
  return isObject(value) ? Object.entries(value) : [];
}

/**
 * Whether `value` is a finite number (a bound that can be compared).
 *
 * @example
 * isNumber(Number.NaN); // false
 */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
