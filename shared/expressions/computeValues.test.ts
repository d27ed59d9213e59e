import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../definition/types.ts';
import { holidayAidDefinition } from '../testing/holidayAidDefinition.ts';
import { computeValues } from './computeValues.ts';

const today = '2026-12-03';

describe('computeValues', () => {
  it('computes in dependency order, whatever the declaration order', () => {
    const data = computeValues(holidayAidDefinition, { montant: 400, quotient: 900 }, today);
    expect(data).toEqual({ montant: 400, quotient: 900, taux: 0.5, participation: 200 });
  });

  it('overwrites a value the client chose for a computed field', () => {
    const data = { montant: 400, quotient: 500, taux: 3, participation: 1 };
    const computed = computeValues(holidayAidDefinition, data, today);
    expect(computed['taux']).toBe(1);
    expect(computed['participation']).toBe(400);
  });

  it('leaves out a value that cannot be known yet, instead of keeping the client’s', () => {
    const data = computeValues(holidayAidDefinition, { quotient: 500, participation: 9 }, today);
    expect(data).toEqual({ quotient: 500, taux: 1 });
  });

  it('never changes the data it is given', () => {
    const data = { montant: 400, quotient: 500 };
    computeValues(holidayAidDefinition, data, today);
    expect(data).toEqual({ montant: 400, quotient: 500 });
  });

  it('leaves out fields caught in a loop, and those reading them', () => {
    const looping = {
      ...holidayAidDefinition,
      computed: [
        { field: 'a', expression: { var: 'b' } },
        { field: 'b', expression: { '+': [{ var: 'a' }, 1] } },
        { field: 'c', expression: { var: 'a' } },
        { field: 'd', expression: 7 },
      ],
    } as DemarcheDefinition;
    expect(computeValues(looping, { a: 1, b: 2, c: 3 }, today)).toEqual({ d: 7 });
  });

  it('computes ages and dates from the day it is given', () => {
    const withAge = {
      ...holidayAidDefinition,
      computed: [{ field: 'age', expression: { age: [{ var: 'naissance' }] } }],
    } as DemarcheDefinition;
    expect(computeValues(withAge, { naissance: '2016-12-04' }, '2026-12-03')['age']).toBe(9);
    expect(computeValues(withAge, { naissance: '2016-12-04' }, '2026-12-04')['age']).toBe(10);
  });
});
