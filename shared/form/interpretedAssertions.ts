import type { RegExpLike } from 'ajv/dist/types/index.js';
import { re2Pattern } from './re2Engine.ts';
import { type SchemaVerdict, verdictOf } from './schemaVerdict.ts';
import { standaloneFormats } from './standaloneFormats.ts';

/** A keyword that checks the value itself, given its value and its schema's others. */
export type Assertion = (
  value: unknown,
  data: unknown,
  schema: Readonly<Record<string, unknown>>,
) => SchemaVerdict;

const isNumber = (data: unknown): data is number =>
  typeof data === 'number' && Number.isFinite(data);
const isString = (data: unknown): data is string => typeof data === 'string';
const isObject = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);

/** ajv's type checks, strict numbers (`Infinity` and `NaN` are no numbers). */
const TYPES: Readonly<Record<string, (data: unknown) => boolean>> = {
  null: (data) => data === null,
  boolean: (data) => typeof data === 'boolean',
  string: isString,
  number: isNumber,
  integer: (data) => isNumber(data) && Number.isInteger(data),
  array: Array.isArray,
  object: isObject,
};

/** Applies `check` to data of the kind a keyword is about; other data passes it (as in ajv). */
function about<T>(
  kind: (data: unknown) => data is T,
  check: (value: unknown, data: T, schema: Readonly<Record<string, unknown>>) => SchemaVerdict,
): Assertion {
  return (value, data, schema) => (kind(data) ? check(value, data, schema) : 'holds');
}

function limit(compare: (data: number, bound: number) => boolean) {
  return (value: unknown, data: number): SchemaVerdict =>
    typeof value === 'number' ? verdictOf(compare(data, value)) : 'undecided';
}

/** Code points, not UTF-16 units, as ajv counts a string's length. */
const lengthOf = (text: string) => [...text].length;

/**
 * The assertion keywords of JSON Schema 2020-12 as ajv runs them with the form dialect's
 * options (`FORM_AJV_OPTIONS`): RE2 patterns, the dialect's formats, `multipleOf` to 8
 * decimals, `required` meaning « not undefined ». A keyword's value of the wrong shape is
 * undecided (ajv would refuse the schema).
 */
export const ASSERTIONS: Readonly<Record<string, Assertion>> = {
  type: (value, data) => {
    const types = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(types) || !types.every((type) => TYPES[type] !== undefined)) {
      return 'undecided';
    }
    return verdictOf(types.some((type) => TYPES[type]!(data)));
  },
  const: (value, data) => verdictOf(sameJson(value, data)),
  enum: (value, data) =>
    Array.isArray(value) ? verdictOf(value.some((choice) => sameJson(choice, data))) : 'undecided',

  minimum: about(
    isNumber,
    limit((data, bound) => data >= bound),
  ),
  maximum: about(
    isNumber,
    limit((data, bound) => data <= bound),
  ),
  exclusiveMinimum: about(
    isNumber,
    limit((data, bound) => data > bound),
  ),
  exclusiveMaximum: about(
    isNumber,
    limit((data, bound) => data < bound),
  ),
  multipleOf: about(isNumber, (value, data) => {
    if (typeof value !== 'number') return 'undecided';
    if (value === 0) return 'fails';
    const ratio = data / value;
    return verdictOf(Math.abs(Math.round(ratio) - ratio) <= 1e-8);
  }),

  minLength: about(isString, (value, data) =>
    limit((length, bound) => length >= bound)(value, lengthOf(data)),
  ),
  maxLength: about(isString, (value, data) =>
    limit((length, bound) => length <= bound)(value, lengthOf(data)),
  ),
  pattern: about(isString, (value, data) => {
    const pattern = typeof value === 'string' ? compiledPattern(value) : null;
    return pattern === null ? 'undecided' : verdictOf(pattern.test(data));
  }),
  format: (value, data) => formatVerdict(value, data),

  minItems: about(Array.isArray, (value, data) =>
    limit((length, bound) => length >= bound)(value, data.length),
  ),
  maxItems: about(Array.isArray, (value, data) =>
    limit((length, bound) => length <= bound)(value, data.length),
  ),
  uniqueItems: about(Array.isArray, (value, data) => {
    if (value !== true) return 'holds';
    return verdictOf(data.every((item, i) => data.findIndex((o) => sameJson(o, item)) === i));
  }),

  required: about(isObject, (value, data) =>
    Array.isArray(value) ? verdictOf(value.every((name) => data[name] !== undefined)) : 'undecided',
  ),
  dependentRequired: about(isObject, (value, data) => {
    if (!isObject(value)) return 'undecided';
    for (const [name, needed] of Object.entries(value)) {
      if (data[name] === undefined) continue;
      if (!Array.isArray(needed)) return 'undecided';
      if (needed.some((other) => data[other] === undefined)) return 'fails';
    }
    return 'holds';
  }),
  minProperties: about(isObject, (value, data) =>
    limit((count, bound) => count >= bound)(value, Object.keys(data).length),
  ),
  maxProperties: about(isObject, (value, data) =>
    limit((count, bound) => count <= bound)(value, Object.keys(data).length),
  ),
};

/**
 * A format of the dialect (`standaloneFormats`: the very functions the server and the
 * citizen's validators run), applied to data of its type only; unknown: undecided.
 */
function formatVerdict(name: unknown, data: unknown): SchemaVerdict {
  if (typeof name !== 'string' || !Object.hasOwn(standaloneFormats, name)) return 'undecided';
  const format = standaloneFormats[name];
  if (format === true) return 'holds';
  const described = typeof format === 'object' && format !== null && !(format instanceof RegExp);
  const definition = described ? (format as { type?: string; validate?: unknown }) : undefined;
  const type = definition?.type ?? 'string';
  const check = definition ? definition.validate : format;
  if (typeof data !== type) return 'holds';
  if (check instanceof RegExp) return verdictOf(check.test(data as string));
  if (typeof check === 'function') return verdictOf(check(data) === true);
  return 'undecided';
}

/** RE2 patterns compiled once each; `null` for one RE2 cannot run (ajv refuses it too). */
const patterns = new Map<string, RegExpLike | null>();

export function compiledPattern(source: string): RegExpLike | null {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    try {
      pattern = re2Pattern(source);
    } catch {
      pattern = null;
    }
    if (patterns.size >= 500) patterns.clear();
    patterns.set(source, pattern);
  }
  return pattern;
}

/**
 * Deep equality as ajv's `const`, `enum` and `uniqueItems` use it (fast-deep-equal): same
 * keys and values, in any key order; arrays item by item.
 *
 * @example
 * sameJson({ a: [1, 2] }, { a: [1, 2] }); // true
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
