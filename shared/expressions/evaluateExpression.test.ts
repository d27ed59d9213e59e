import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluateExpression.ts';

const today = '2026-12-03';
const run = (expression: unknown, data: Record<string, unknown> = {}, input?: object) =>
  evaluateExpression(expression, {
    data,
    today,
    ...(input === undefined ? {} : { input: input as Record<string, unknown> }),
  });
const value = (expression: unknown, data: Record<string, unknown> = {}) => {
  const result = run(expression, data);
  if (!result.ok) throw new Error(`expression failed: ${JSON.stringify(result.error)}`);
  return result.value;
};

describe('evaluateExpression: reading data', () => {
  it('reads top-level and dotted paths, items of repeated groups by index', () => {
    const data = { nom: 'Dupont', adresse: { ville: 'Lyon' }, enfants: [{ prenom: 'Léa' }] };
    expect(value({ var: 'nom' }, data)).toBe('Dupont');
    expect(value({ var: 'adresse.ville' }, data)).toBe('Lyon');
    expect(value({ var: 'enfants.0.prenom' }, data)).toBe('Léa');
  });

  it('gives null, or the default, for a missing field; never an inherited property', () => {
    expect(value({ var: 'absent' })).toBeNull();
    expect(value({ var: ['absent', 0] })).toBe(0);
    expect(value({ var: 'constructor' })).toBeNull();
    expect(value({ var: 'nom.length' }, { nom: 'abc' })).toBeNull();
  });

  it('reads the transition input under input.… when there is one', () => {
    expect(run({ var: 'input.motif' }, {}, { motif: 'incomplet' })).toEqual({
      ok: true,
      value: 'incomplet',
    });
  });

  it('keeps objects with several keys as literals', () => {
    expect(value({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
  });
});

describe('evaluateExpression: logic and comparisons', () => {
  it('if picks the first branch whose condition holds, else the last', () => {
    const tarif = {
      if: [{ '<': [{ var: 'qf' }, 500] }, 10, { '<': [{ var: 'qf' }, 1000] }, 20, 30],
    };
    expect(value(tarif, { qf: 300 })).toBe(10);
    expect(value(tarif, { qf: 800 })).toBe(20);
    expect(value(tarif, { qf: 1500 })).toBe(30);
    expect(value({ if: [false, 1] })).toBeNull();
  });

  it('and/or short-circuit and return the deciding operand', () => {
    expect(value({ and: [true, 0, { bogus: [] }] })).toBe(0);
    expect(value({ or: [0, 'oui'] })).toBe('oui');
  });

  it('compares numbers with numbers and strings (ISO dates) with strings, else unknown', () => {
    expect(value({ '<': [1, 2] })).toBe(true);
    expect(value({ '<=': [2, 2] })).toBe(true);
    expect(value({ '>': ['2026-05-02', '2026-05-01'] })).toBe(true);
    expect(value({ '>=': ['2026-05-01', '2026-05-02'] })).toBe(false);
    expect(value({ '<': [1, 5, 10] })).toBe(true);
    expect(value({ '<': ['1', 2] })).toBeNull();
    expect(value({ '<': [{ var: 'vide' }, 2] })).toBeNull();
  });

  it('== is strict on JSON values, and unknown negates to unknown', () => {
    expect(value({ '==': [1, '1'] })).toBe(false);
    expect(value({ '!=': ['a', 'b'] })).toBe(true);
    expect(value({ '===': ['a', 'a'] })).toBe(true);
    expect(value({ '!==': [1, 1] })).toBe(false);
    expect(value({ '!': [{ '<': [{ var: 'vide' }, 2] }] })).toBeNull();
    expect(value({ '!': [0] })).toBe(true);
    expect(value({ '!!': [[]] })).toBe(false);
  });

  it('in and cat', () => {
    expect(value({ in: ['b', ['a', 'b']] })).toBe(true);
    expect(value({ in: ['yon', 'Lyon'] })).toBe(true);
    expect(value({ cat: ['N° ', 12, null] })).toBe('N° 12');
    // Found by the property test: an object without prototype cannot be spelt.
    expect(value({ cat: [{ var: [] }] }, Object.create(null))).toBeNull();
  });
});

describe('evaluateExpression: amounts', () => {
  it('adds, subtracts, multiplies, divides; a missing operand gives null, not 0', () => {
    expect(value({ '+': [1, 2, 3] })).toBe(6);
    expect(value({ '-': [10, 4] })).toBe(6);
    expect(value({ '-': [4] })).toBe(-4);
    expect(value({ '*': [{ var: 'loyer' }, 0.5] }, { loyer: 400 })).toBe(200);
    expect(value({ '/': [10, 4] })).toBe(2.5);
    expect(value({ '%': [10, 4] })).toBe(2);
    expect(value({ '+': [{ var: 'loyer' }, 1] })).toBeNull();
    expect(value({ '+': ['1', 1] })).toBeNull();
  });

  it('division by zero is unknown, not Infinity', () => {
    expect(value({ '/': [1, 0] })).toBeNull();
    expect(value({ '*': [1e308, 10] })).toBeNull();
  });

  it('rounds amounts half away from zero, to the given decimals', () => {
    expect(value({ round: [2.675, 2] })).toBe(2.68);
    expect(value({ round: [1.005, 2] })).toBe(1.01);
    expect(value({ round: [-2.5] })).toBe(-3);
    expect(value({ round: [2.5] })).toBe(3);
    expect(value({ floor: [2.9] })).toBe(2);
    expect(value({ ceil: [2.1] })).toBe(3);
  });

  it('min and max of arguments or of one list', () => {
    expect(value({ min: [3, 1, 2] })).toBe(1);
    expect(value({ max: [[3, 1, 2]] })).toBe(3);
    expect(value({ min: [{ '*': [{ var: 'budget' }, 0.5] }, 1500] }, { budget: 2000 })).toBe(1000);
    expect(value({ max: [1, null] })).toBeNull();
  });

  it('count and sum over repeated groups; blank entries add nothing', () => {
    const data = { depenses: [{ montant: 100 }, { montant: 50.5 }, {}], notes: [1, 2] };
    expect(value({ count: { var: 'depenses' } }, data)).toBe(3);
    expect(value({ sum: [{ var: 'depenses' }, 'montant'] }, data)).toBe(150.5);
    expect(value({ sum: { var: 'notes' } }, data)).toBe(3);
    expect(value({ count: { var: 'absent' } }, data)).toBe(0);
    expect(value({ sum: [{ var: 'absent' }, 'montant'] }, data)).toBe(0);
  });
});

describe('evaluateExpression: dates', () => {
  it('today is the scope’s day, never the clock', () => {
    expect(value({ today: [] })).toBe(today);
  });

  it('builds dates and reads their year and month', () => {
    expect(value({ date: [2026, 9, 1] })).toBe('2026-09-01');
    expect(value({ date: [2026, 2, 30] })).toBeNull();
    expect(value({ year: { today: [] } })).toBe(2026);
    expect(value({ month: '2026-09-01' })).toBe(9);
  });

  it('adds days, months and years, clamping to the end of the month', () => {
    expect(value({ add_days: ['2026-12-31', 1] })).toBe('2027-01-01');
    expect(value({ add_months: ['2026-01-31', 1] })).toBe('2026-02-28');
    expect(value({ add_years: ['2024-02-29', 1] })).toBe('2025-02-28');
    expect(value({ add_years: ['2026-12-03', -10] })).toBe('2016-12-03');
  });

  it('age in whole years at a date, today by default', () => {
    expect(value({ age: ['2016-12-03'] })).toBe(10);
    expect(value({ age: ['2016-12-04'] })).toBe(9);
    expect(value({ age: ['2020-02-29', '2021-02-28'] })).toBe(0);
    expect(value({ age: ['2020-02-29', '2021-03-01'] })).toBe(1);
    expect(value({ age: ['2030-01-01'] })).toBeNull();
    expect(value({ age: ['pas une date'] })).toBeNull();
  });

  it('days between two dates', () => {
    expect(value({ days_between: ['2026-02-28', '2026-03-01'] })).toBe(1);
    expect(value({ days_between: ['2026-03-01', '2026-02-28'] })).toBe(-1);
  });
});

describe('evaluateExpression: mistakes in the expression are values', () => {
  it('an unknown operation', () => {
    expect(run({ eval: ['1'] })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION', operation: 'eval' },
    });
    expect(run({ constructor: [] })).toMatchObject({ ok: false });
  });

  it('the wrong number of arguments', () => {
    expect(run({ age: [] })).toEqual({
      ok: false,
      error: { code: 'BAD_ARGUMENTS', operation: 'age', expected: '1 à 2 arguments' },
    });
  });

  it('an expression nested too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { '+': [deep, 1] };
    expect(run(deep)).toEqual({ ok: false, error: { code: 'TOO_COMPLEX' } });
  });

  it('too many steps, even when each is shallow', () => {
    const wide = { '+': Array.from({ length: 10_001 }, () => 1) };
    expect(run(wide)).toEqual({ ok: false, error: { code: 'TOO_COMPLEX' } });
  });

  it('a mistake fails only when evaluation reaches it, as walking the JSON did', () => {
    const guarded = { if: [{ var: 'avance' }, { eval: ['1'] }, 'simple'] };
    expect(run(guarded, { avance: false })).toEqual({ ok: true, value: 'simple' });
    expect(run(guarded, { avance: true })).toMatchObject({ ok: false });
  });
});

describe('evaluateExpression: compiled once, evaluated many times', () => {
  it('the same expression object answers for each scope it is given', () => {
    const plafond = { '<=': [{ var: 'input.montant' }, { '/': [{ var: 'budget' }, 2] }] };
    expect(run(plafond, { budget: 1000 }, { montant: 400 })).toEqual({ ok: true, value: true });
    expect(run(plafond, { budget: 600 }, { montant: 400 })).toEqual({ ok: true, value: false });
    expect(run(plafond, { budget: 600 })).toEqual({ ok: true, value: null });
    // A failure in one evaluation leaves the next ones alone.
    const fragile = { if: [{ var: 'x' }, { age: [] }, 0] };
    expect(run(fragile, { x: true })).toMatchObject({ ok: false });
    expect(run(fragile, { x: false })).toEqual({ ok: true, value: 0 });
  });
});
