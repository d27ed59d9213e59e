import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { noPathToFinal } from './noPathToFinal.ts';

describe('no-path-to-final', () => {
  it('accepts the sample: every state can reach a decision', () => {
    expect(lintRule(noPathToFinal)).toEqual([]);
  });

  it('warns about a loop with no exit', () => {
    const found = lintRule(noPathToFinal, (d) => {
      d.workflow.transitions = d.workflow.transitions.filter((t) =>
        ['deposer', 'prendre_en_charge', 'demander_complement', 'completer'].includes(t.id),
      );
    });
    expect(pointers(found)).toEqual([
      '/workflow/states/0',
      '/workflow/states/1',
      '/workflow/states/2',
      '/workflow/states/3',
    ]);
  });
});
