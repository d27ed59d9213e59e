import { describe, expect, it } from 'vitest';
import type { Role } from '../../definition/types.ts';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unknownState } from './unknownState.ts';

describe('unknown-state', () => {
  it('accepts the sample', () => {
    expect(lintRule(unknownState)).toEqual([]);
  });

  it('flags an undeclared initial state', () => {
    const found = lintRule(unknownState, (d) => {
      d.workflow.initialState = 'nouveau';
    });
    expect(pointers(found)).toEqual(['/workflow/initialState']);
    expect(found[0]?.message).toContain('« nouveau »');
  });

  it('flags undeclared sources and targets of transitions', () => {
    const found = lintRule(unknownState, (d) => {
      d.workflow.transitions[5]!.from = ['en_instruction', 'instruction'];
      d.workflow.transitions[5]!.to = 'accorde';
    });
    expect(pointers(found)).toEqual([
      '/workflow/transitions/5/from/1',
      '/workflow/transitions/5/to',
    ]);
  });

  it('flags an owner role that does not exist', () => {
    const found = lintRule(unknownState, (d) => {
      d.workflow.states[1]!.owner = { role: 'instructeur' as Role };
    });
    expect(pointers(found)).toEqual(['/workflow/states/1/owner/role']);
  });
});
