import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { deadEnd } from './deadEnd.ts';

describe('dead-end', () => {
  it('accepts the sample: every non-final state has a way out', () => {
    expect(lintRule(deadEnd)).toEqual([]);
  });

  it('flags a non-final state nothing leaves', () => {
    const found = lintRule(deadEnd, (d) => {
      d.workflow.transitions = d.workflow.transitions.filter(
        (t) => t.id !== 'prendre_en_charge' && t.id !== 'retirer',
      );
    });
    expect(pointers(found)).toEqual(['/workflow/states/1']);
    expect(found[0]?.message).toContain('« Déposé » (depose)');
  });

  it('counts a global transition as a way out of an active state', () => {
    const found = lintRule(deadEnd, (d) => {
      d.workflow.transitions = d.workflow.transitions.filter((t) => t.id !== 'prendre_en_charge');
    });
    expect(found).toEqual([]);
  });

  it('counts a timer, but not a transition nobody can fire', () => {
    const timerOnly = lintRule(deadEnd, (d) => {
      d.workflow.transitions = d.workflow.transitions.filter(
        (t) => !['completer', 'retirer'].includes(t.id),
      );
    });
    expect(timerOnly).toEqual([]);
    const stuck = lintRule(deadEnd, (d) => {
      d.workflow.transitions = d.workflow.transitions.filter(
        (t) => t.id !== 'completer' && t.id !== 'retirer',
      );
      delete d.workflow.transitions.find((t) => t.id === 'expirer')!.after;
    });
    expect(pointers(stuck)).toEqual(['/workflow/states/3']);
  });

  it('never flags a final state', () => {
    expect(
      lintRule(deadEnd, (d) => {
        d.workflow.transitions = [];
      }),
    ).toHaveLength(4);
  });
});
