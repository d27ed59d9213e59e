import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unreachableState } from './unreachableState.ts';

describe('unreachable-state', () => {
  it('accepts the sample, where globals reach « retiré » from every active state', () => {
    expect(lintRule(unreachableState)).toEqual([]);
  });

  it('flags a state no transition leads to', () => {
    const found = lintRule(unreachableState, (d) => {
      d.workflow.states.push({ id: 'archive', label: 'Archivé', kind: 'final', outcome: 'closed' });
    });
    expect(pointers(found)).toEqual(['/workflow/states/7']);
    expect(found[0]?.message).toContain('« Archivé » (archive)');
    expect(found[0]?.severity).toBe('error');
  });

  it('flags what lies only beyond a transition nobody can fire', () => {
    const found = lintRule(unreachableState, (d) => {
      d.workflow.transitions[5]!.by = []; // accepter
    });
    expect(pointers(found)).toEqual(['/workflow/states/4']);
  });

  it('does not count global transitions from a draft state', () => {
    const found = lintRule(unreachableState, (d) => {
      d.workflow.transitions = d.workflow.transitions.filter((t) => t.id === 'retirer');
    });
    expect(pointers(found)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `/workflow/states/${i}`));
  });

  it('stays silent when the initial state itself is unknown', () => {
    expect(
      lintRule(unreachableState, (d) => {
        d.workflow.initialState = 'x';
      }),
    ).toEqual([]);
  });
});
