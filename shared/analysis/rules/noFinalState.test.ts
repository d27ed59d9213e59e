import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { noFinalState } from './noFinalState.ts';

describe('no-final-state', () => {
  it('accepts a workflow with final states', () => {
    expect(lintRule(noFinalState)).toEqual([]);
  });

  it('flags a workflow without any', () => {
    const found = lintRule(noFinalState, (d) => {
      d.workflow.states = d.workflow.states.filter((s) => s.kind !== 'final');
    });
    expect(found).toMatchObject([{ severity: 'error', pointer: '/workflow/states' }]);
  });

  it('flags an empty workflow', () => {
    expect(
      lintRule(noFinalState, (d) => {
        d.workflow.states = [];
      }),
    ).toHaveLength(1);
  });
});
