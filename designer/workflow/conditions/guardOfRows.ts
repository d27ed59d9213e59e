import type { JsonSchema } from '../../../shared/definition/index.ts';
import type { ConditionOperator, ConditionRow } from './conditionRow.ts';

/** JSON Schema keyword for each ordering operator (guards compare with JSON Schema). */
const ORDER_KEYWORDS = {
  lt: 'exclusiveMaximum',
  le: 'maximum',
  gt: 'exclusiveMinimum',
  ge: 'minimum',
} as const satisfies Partial<Record<ConditionOperator, string>>;

/**
 * The guard the rows describe: `{ allOf: [one schema per row] }` on the dossier data, a
 * shape `rowsOfGuard` reads back. No row: no guard.
 *
 * @example
 * guardOfRows([{ field: 'revenu', operator: 'lt', value: 1500 }])
 * // { allOf: [{ properties: { revenu: { type: 'number', exclusiveMaximum: 1500 } }, required: ['revenu'] }] }
 */
export function guardOfRows(rows: readonly ConditionRow[]): JsonSchema | undefined {
  if (rows.length === 0) return undefined;
  return { allOf: rows.map(schemaOfRow) };
}

function schemaOfRow({ field, operator, value }: ConditionRow): JsonSchema {
  switch (operator) {
    case 'filled':
      return { required: [field] };
    case 'eq':
      return { properties: { [field]: { const: value } }, required: [field] };
    case 'ne':
      return { properties: { [field]: { not: { const: value } } } };
    default:
      // `type` too: JSON Schema's bounds let any non-number through.
      return {
        properties: { [field]: { type: 'number', [ORDER_KEYWORDS[operator]]: value } },
        required: [field],
      };
  }
}

/**
 * The builder's rows for a guard, or `null` when the guard was written another way (in
 * the JSON tab): the panel then shows it as an advanced condition and leaves it alone.
 *
 * @example
 * rowsOfGuard(undefined) // []
 */
export function rowsOfGuard(guard: JsonSchema | undefined): ConditionRow[] | null {
  if (guard === undefined) return [];
  if (typeof guard !== 'object') return null;
  if (Object.keys(guard).join() !== 'allOf') return rowsOfPlainGuard(guard);
  const parts = guard['allOf'];
  if (!Array.isArray(parts)) return null;
  const rows: ConditionRow[] = [];
  for (const part of parts) {
    const row = rowOfSchema(part);
    if (!row) return null;
    rows.push(row);
  }
  return rows;
}

/**
 * The shape admins write by hand, `{ properties: { revenu: { type: 'number', maximum:
 * 1500 } }, required: ['revenu'] }`: one comparison per property, read as rows too.
 */
function rowsOfPlainGuard(guard: Record<string, unknown>): ConditionRow[] | null {
  const { properties, required = [], type, ...rest } = guard;
  if (Object.keys(rest).length > 0 || (type !== undefined && type !== 'object')) return null;
  if (!isObject(properties) || !Array.isArray(required)) return null;
  const rows: ConditionRow[] = [];
  for (const [field, test] of Object.entries(properties)) {
    if (!isObject(test)) return null;
    const row = rowOfSchema({
      properties: { [field]: test },
      ...(required.includes(field) ? { required: [field] } : {}),
    });
    if (!row) return null;
    rows.push(row);
  }
  const compared = new Set(rows.map((row) => row.field));
  for (const field of required) {
    if (typeof field !== 'string') return null;
    if (!compared.has(field)) rows.push({ field, operator: 'filled' });
  }
  return rows;
}

function rowOfSchema(part: unknown): ConditionRow | null {
  if (!isObject(part)) return null;
  const { properties, required, ...rest } = part;
  if (Object.keys(rest).length > 0) return null;
  const requiredField = Array.isArray(required) && required.length === 1 ? required[0] : undefined;
  if (properties === undefined)
    return typeof requiredField === 'string' ? { field: requiredField, operator: 'filled' } : null;
  if (!isObject(properties) || Object.keys(properties).length !== 1) return null;
  const [field, typed] = Object.entries(properties)[0]!;
  if (!isObject(typed)) return null;
  const { type, ...test } = typed;
  if (Object.keys(test).length !== 1) return null;
  const [keyword, value] = Object.entries(test)[0]!;
  if (type !== undefined && !(type === 'number' && keyword in NUMBER_KEYWORDS)) return null;
  if (keyword === 'not' && required === undefined && isObject(value) && isScalar(value['const']))
    return Object.keys(value).length === 1
      ? { field, operator: 'ne', value: value['const'] }
      : null;
  if (requiredField !== field) return null;
  if (keyword === 'const' && isScalar(value)) return { field, operator: 'eq', value };
  const order = Object.entries(ORDER_KEYWORDS).find(([, name]) => name === keyword);
  if (order && typeof value === 'number')
    return { field, operator: order[0] as ConditionOperator, value };
  return null;
}

const NUMBER_KEYWORDS = Object.fromEntries(
  Object.values(ORDER_KEYWORDS).map((name) => [name, true]),
);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
