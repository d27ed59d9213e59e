import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { transitionFromFinal } from './transitionFromFinal.ts';

describe('transition-from-final', () => {
  it('accepts transitions leaving non-final states', () => {
    expect(lintRule(transitionFromFinal)).toEqual([]);
  });

  it('warns about a transition leaving a final state, leaving timers to timer-on-final', () => {
    const found = lintRule(transitionFromFinal, (d) => {
      d.workflow.transitions[1]!.from = ['refuse'];
      d.workflow.transitions[4]!.from = ['refuse'];
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/1/from/0']);
    expect(found[0]?.message).toMatch(/^La transition « Prendre en charge »/);
  });
});
