import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { computedCycle } from './computedCycle.ts';

describe('computed-cycle', () => {
  it('accepts computed fields reading plain fields and other computed ones', () => {
    const found = lintRule(computedCycle, (d) => {
      d.computed = [
        { field: 'conjoint', expression: { cat: [{ var: 'nom' }, { var: 'email' }] } },
        { field: 'email', expression: { var: 'prenom' } },
      ];
    });
    expect(found).toEqual([]);
  });

  it('flags a loop once, and a field reading itself', () => {
    const found = lintRule(computedCycle, (d) => {
      d.computed = [
        { field: 'nom', expression: { var: 'prenom' } },
        { field: 'prenom', expression: { if: [{ var: 'email' }, { var: 'nom' }, ''] } },
        { field: 'email', expression: { var: 'email' } },
      ];
    });
    expect(pointers(found)).toEqual(['/computed/0/expression', '/computed/2/expression']);
    expect(found[0]?.message).toContain('« nom » → « prenom » → « nom »');
  });
});
