import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { ownerCannotAct } from './ownerCannotAct.ts';

describe('owner-cannot-act', () => {
  it('accepts owners who can act, globals included', () => {
    expect(lintRule(ownerCannotAct)).toEqual([]);
  });

  it('warns when the owner role fires none of the outgoing transitions', () => {
    const found = lintRule(ownerCannotAct, (d) => {
      d.workflow.states[1]!.owner = { role: 'admin' };
    });
    expect(found).toMatchObject([
      { severity: 'warning', pointer: '/workflow/states/1/owner/role' },
    ]);
    expect(found[0]?.message).toContain('un administrateur');
  });

  it('counts a timer as the way the system acts', () => {
    const found = lintRule(ownerCannotAct, (d) => {
      d.workflow.states[3]!.owner = { role: 'system' };
    });
    expect(found).toEqual([]);
  });
});
