import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { slaOnFinal } from './slaOnFinal.ts';

describe('sla-on-final', () => {
  it('accepts time limits on active states', () => {
    expect(lintRule(slaOnFinal)).toEqual([]);
  });

  it('warns about a time limit on a final state', () => {
    const found = lintRule(slaOnFinal, (d) => {
      d.workflow.states[4]!.sla = 'P5D';
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/workflow/states/4/sla' }]);
  });
});
