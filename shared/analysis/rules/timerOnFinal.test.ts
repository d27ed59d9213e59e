import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { timerOnFinal } from './timerOnFinal.ts';

describe('timer-on-final', () => {
  it('accepts timers on active states', () => {
    expect(lintRule(timerOnFinal)).toEqual([]);
  });

  it('warns about a timer counting from a final state', () => {
    const found = lintRule(timerOnFinal, (d) => {
      d.workflow.transitions[4]!.from = ['complement', 'refuse'];
    });
    expect(found).toMatchObject([
      { severity: 'warning', pointer: '/workflow/transitions/4/from/1' },
    ]);
  });
});
