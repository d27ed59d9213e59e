import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { duplicateTransition } from './duplicateTransition.ts';

describe('duplicate-transition', () => {
  it('accepts the sample: `expirer` and `refuser` share a target, not their roles', () => {
    expect(lintRule(duplicateTransition)).toEqual([]);
  });

  it('warns about an unguarded copy, whatever the order of roles', () => {
    const found = lintRule(duplicateTransition, (d) => {
      d.workflow.transitions.push({
        id: 'valider',
        label: 'Valider',
        from: ['en_instruction'],
        to: 'refuse',
        by: ['supervisor', 'agent'],
      });
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/workflow/transitions/8' }]);
    expect(found[0]?.message).toContain('« Refuser » (refuser)');
  });

  it('accepts the same move behind a guard', () => {
    const found = lintRule(duplicateTransition, (d) => {
      d.workflow.transitions.push({
        ...d.workflow.transitions[6]!,
        id: 'refuser_bis',
        guard: { required: ['conjoint'] },
      });
    });
    expect(found).toEqual([]);
  });
});
