import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../shared/definition/index.ts';
import { evaluateExpression } from '../../../shared/expressions/index.ts';
import { createFormAjv } from '../../../shared/form/index.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import type { ConditionRow } from './conditionRow.ts';
import { expressionOfRows, rowsOfExpression } from './expressionOfRows.ts';
import { guardOfRows, rowsOfGuard } from './guardOfRows.ts';

/** The dialect the engine checks guards with. */
const ajv = createFormAjv();

/** Each builder line, with data that passes and data that fails it. */
const CASES: Array<{ row: ConditionRow; pass: object[]; fail: object[] }> = [
  {
    row: { field: 'revenu', operator: 'lt', value: 1500 },
    pass: [{ revenu: 1499 }],
    fail: [{ revenu: 1500 }, {}],
  },
  {
    row: { field: 'revenu', operator: 'le', value: 1500 },
    pass: [{ revenu: 1500 }],
    fail: [{ revenu: 1501 }],
  },
  {
    row: { field: 'revenu', operator: 'gt', value: 0 },
    pass: [{ revenu: 1 }],
    fail: [{ revenu: 0 }],
  },
  {
    row: { field: 'revenu', operator: 'ge', value: 0 },
    pass: [{ revenu: 0 }],
    fail: [{ revenu: -1 }],
  },
  {
    row: { field: 'situation', operator: 'eq', value: 'couple' },
    pass: [{ situation: 'couple' }],
    fail: [{ situation: 'seul' }, {}],
  },
  {
    row: { field: 'situation', operator: 'ne', value: 'couple' },
    pass: [{ situation: 'seul' }],
    fail: [{ situation: 'couple' }],
  },
  {
    row: { field: 'majeur', operator: 'eq', value: true },
    pass: [{ majeur: true }],
    fail: [{ majeur: false }],
  },
  { row: { field: 'email', operator: 'filled' }, pass: [{ email: 'a@b.fr' }], fail: [{}] },
];

describe('guards built from condition rows (JSON Schema on the data)', () => {
  it.each(CASES)('$row.field $row.operator $row.value', ({ row, pass, fail }) => {
    const guard = guardOfRows([row]);
    const check = ajv.compile(guard as object);
    for (const data of pass) expect(check(data), JSON.stringify(data)).toBe(true);
    for (const data of fail) expect(check(data), JSON.stringify(data)).toBe(false);
    expect(rowsOfGuard(guard)).toEqual([row]);
  });

  it('joins rows with « et », and no row means no guard', () => {
    const rows = CASES.slice(0, 3).map((c) => c.row);
    expect(rowsOfGuard(guardOfRows(rows))).toEqual(rows);
    expect(guardOfRows([])).toBeUndefined();
    expect(rowsOfGuard(undefined)).toEqual([]);
  });

  it('gives guards the format accepts', () => {
    const guard = guardOfRows(CASES.slice(0, 5).map((c) => c.row));
    const definition = structuredClone(socialAidDefinition);
    definition.workflow.transitions[0]!.guard = guard!;
    expect(validateDefinition(definition).ok).toBe(true);
  });

  it('reads the plain shape written by hand, one comparison per property', () => {
    expect(
      rowsOfGuard({
        properties: {
          revenuMensuel: { type: 'number', maximum: 1500 },
          situation: { not: { const: 'seul' } },
        },
        required: ['revenuMensuel', 'email'],
      }),
    ).toEqual([
      { field: 'revenuMensuel', operator: 'le', value: 1500 },
      { field: 'situation', operator: 'ne', value: 'seul' },
      { field: 'email', operator: 'filled' },
    ]);
  });

  it('leaves a guard written otherwise to the JSON tab', () => {
    for (const guard of [
      true,
      { properties: { revenu: { maximum: 1, minimum: 0 } }, required: ['revenu'] },
      { properties: { revenu: { maximum: 1 } }, anyOf: [] },
      { allOf: [{ properties: { a: { minimum: 1, maximum: 2 } }, required: ['a'] }] },
      { allOf: [{ properties: { a: { const: 1 } }, required: ['b'] }] },
      { allOf: [{ anyOf: [] }] },
    ])
      expect(rowsOfGuard(guard), JSON.stringify(guard)).toBeNull();
  });
});

describe('effect conditions built from rows (the expression language)', () => {
  it.each(CASES)('$row.field $row.operator $row.value', ({ row, pass, fail }) => {
    const expression = expressionOfRows([row]);
    const holds = (data: object) => {
      const result = evaluateExpression(expression, {
        data: data as Record<string, unknown>,
        today: '2026-12-04',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value === true;
    };
    for (const data of pass) expect(holds(data), JSON.stringify(data)).toBe(true);
    // « Different » on an empty field is unknown (null) in the language: not true either.
    for (const data of fail) expect(holds(data), JSON.stringify(data)).toBe(false);
    expect(rowsOfExpression(expression)).toEqual([row]);
  });

  it('joins rows with and, reads them back, and gives up on other expressions', () => {
    const rows = CASES.slice(3, 6).map((c) => c.row);
    const expression = expressionOfRows(rows);
    expect(expression).toHaveProperty('and');
    expect(rowsOfExpression(expression)).toEqual(rows);
    expect(expressionOfRows([])).toBeUndefined();
    expect(rowsOfExpression(undefined)).toEqual([]);
    expect(rowsOfExpression({ '+': [1, 2] })).toBeNull();
    expect(rowsOfExpression({ '==': [{ var: 'a' }, { var: 'b' }] })).toBeNull();
  });
});
