import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { outcomeOnNonFinal } from './outcomeOnNonFinal.ts';

describe('outcome-on-non-final', () => {
  it('accepts outcomes on final states only', () => {
    expect(lintRule(outcomeOnNonFinal)).toEqual([]);
  });

  it('warns about an outcome on an active state', () => {
    const found = lintRule(outcomeOnNonFinal, (d) => {
      d.workflow.states[1]!.outcome = 'accepted';
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/workflow/states/1/outcome' }]);
  });
});
