import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { transitionNobodyCanFire } from './transitionNobodyCanFire.ts';

describe('transition-nobody-can-fire', () => {
  it('accepts the sample, including its system-only timer', () => {
    expect(lintRule(transitionNobodyCanFire)).toEqual([]);
  });

  it('flags an empty `by`', () => {
    const found = lintRule(transitionNobodyCanFire, (d) => {
      d.workflow.transitions[5]!.by = [];
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/5/by']);
    expect(found[0]?.message).toContain('« Accepter » (accepter)');
  });

  it('flags a system-only transition without a timer', () => {
    const found = lintRule(
      transitionNobodyCanFire,
      (d) => void delete d.workflow.transitions[4]!.after,
    );
    expect(pointers(found)).toEqual(['/workflow/transitions/4/by']);
  });

  it('flags a transition that leaves no state', () => {
    const found = lintRule(transitionNobodyCanFire, (d) => {
      d.workflow.transitions[1]!.from = [];
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/1/from']);
  });

  it('flags a global transition when no state is active', () => {
    const found = lintRule(transitionNobodyCanFire, (d) => {
      for (const state of d.workflow.states) if (state.kind === 'active') state.kind = 'draft';
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/7/from']);
  });
});
