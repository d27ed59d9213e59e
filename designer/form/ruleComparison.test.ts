import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../../shared/expressions/index.ts';
import { assertOfComparison, comparisonOfAssert, type RuleComparison } from './ruleComparison.ts';

const today = '2026-12-04';
const holds = (comparison: RuleComparison, data: Record<string, unknown>) => {
  const result = evaluateExpression(assertOfComparison(comparison), { data, today });
  return result.ok ? result.value : 'error';
};

describe('rules built without code', () => {
  it('an end date after a start date', () => {
    const rule: RuleComparison = {
      field: 'fin',
      operator: 'gt',
      against: { kind: 'field', field: 'debut', factor: 1 },
    };
    expect(holds(rule, { debut: '2026-12-01', fin: '2026-12-15' })).toBe(true);
    expect(holds(rule, { debut: '2026-12-01', fin: '2026-11-15' })).toBe(false);
    // An answer not given yet fails no rule.
    expect(holds(rule, { debut: '2026-12-01' })).toBe(null);
  });

  it('an amount at most half a budget', () => {
    const rule: RuleComparison = {
      field: 'montant',
      operator: 'le',
      against: { kind: 'field', field: 'budget', factor: 0.5 },
    };
    expect(assertOfComparison(rule)).toEqual({
      '<=': [{ var: 'montant' }, { '*': [{ var: 'budget' }, 0.5] }],
    });
    expect(holds(rule, { montant: 500, budget: 1000 })).toBe(true);
    expect(holds(rule, { montant: 501, budget: 1000 })).toBe(false);
  });

  it('a birth date not in the future, a document less than 10 years old', () => {
    const born: RuleComparison = {
      field: 'naissance',
      operator: 'le',
      against: { kind: 'today', offset: 0, unit: 'days' },
    };
    expect(holds(born, { naissance: '2026-12-04' })).toBe(true);
    expect(holds(born, { naissance: '2026-12-05' })).toBe(false);
    const recent: RuleComparison = {
      field: 'delivrance',
      operator: 'ge',
      against: { kind: 'today', offset: -10, unit: 'years' },
    };
    expect(holds(recent, { delivrance: '2016-12-04' })).toBe(true);
    expect(holds(recent, { delivrance: '2016-12-03' })).toBe(false);
  });

  it('reads back what it wrote, and nothing else', () => {
    const rules: RuleComparison[] = [
      { field: 'a', operator: 'ne', against: { kind: 'value', value: 'non' } },
      { field: 'a', operator: 'lt', against: { kind: 'value', value: 12 } },
      { field: 'a', operator: 'ge', against: { kind: 'field', field: 'b', factor: 2 } },
      { field: 'a', operator: 'le', against: { kind: 'today', offset: 3, unit: 'months' } },
    ];
    for (const rule of rules) expect(comparisonOfAssert(assertOfComparison(rule))).toEqual(rule);
    expect(comparisonOfAssert({ and: [true, true] })).toBeNull();
    expect(comparisonOfAssert({ '<': [{ var: 'a' }, { '+': [1, 2] }] })).toBeNull();
    expect(comparisonOfAssert({ '<': [{ var: 'a' }, 1, 2] })).toBeNull();
  });
});
