import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { timerWithoutSystem } from './timerWithoutSystem.ts';

describe('timer-without-system', () => {
  it('accepts a timer the system may fire', () => {
    expect(lintRule(timerWithoutSystem)).toEqual([]);
  });

  it('warns about a timer the system may not fire', () => {
    const found = lintRule(timerWithoutSystem, (d) => {
      d.workflow.transitions[4]!.by = ['agent'];
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/workflow/transitions/4/by' }]);
  });
});
