import type { ConditionOperator, ConditionRow } from './conditionRow.ts';

/** json-logic operation of each builder operator (`shared/expressions`, no coercion). */
const OPERATIONS = {
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
} as const satisfies Partial<Record<ConditionOperator, string>>;

/**
 * The rows as an expression of the démarche's language, for an effect's `when`:
 * one comparison per row, joined by `and`. No row: no condition.
 *
 * @example
 * expressionOfRows([{ field: 'montant', operator: 'ge', value: 1000 }])
 * // { '>=': [{ var: 'montant' }, 1000] }
 */
export function expressionOfRows(rows: readonly ConditionRow[]): unknown {
  const tests = rows.map(({ field, operator, value }) =>
    operator === 'filled'
      ? { '!!': [{ var: field }] }
      : { [OPERATIONS[operator]]: [{ var: field }, value ?? null] },
  );
  if (tests.length === 0) return undefined;
  return tests.length === 1 ? tests[0] : { and: tests };
}

/**
 * The builder's rows for an effect's `when`, or `null` when it was written otherwise.
 *
 * @example
 * rowsOfExpression({ '!!': [{ var: 'email' }] }) // [{ field: 'email', operator: 'filled' }]
 */
export function rowsOfExpression(expression: unknown): ConditionRow[] | null {
  if (expression === undefined) return [];
  const single = operationOf(expression);
  const tests = single?.[0] === 'and' && Array.isArray(single[1]) ? single[1] : [expression];
  const rows: ConditionRow[] = [];
  for (const test of tests) {
    const row = rowOfTest(test);
    if (!row) return null;
    rows.push(row);
  }
  return rows;
}

function rowOfTest(test: unknown): ConditionRow | null {
  const operation = operationOf(test);
  if (!operation || !Array.isArray(operation[1])) return null;
  const [name, args] = operation;
  const field = fieldOf(args[0]);
  if (field === null) return null;
  if (name === '!!' && args.length === 1) return { field, operator: 'filled' };
  const operator = Object.entries(OPERATIONS).find(([, op]) => op === name)?.[0];
  const value = args[1];
  if (!operator || args.length !== 2) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return null;
  return { field, operator: operator as ConditionOperator, value };
}

function operationOf(value: unknown): [string, unknown] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.length === 1 ? (entries[0] as [string, unknown]) : null;
}

function fieldOf(value: unknown): string | null {
  const operation = operationOf(value);
  return operation?.[0] === 'var' && typeof operation[1] === 'string' ? operation[1] : null;
}
