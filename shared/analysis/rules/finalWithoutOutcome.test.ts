import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { finalWithoutOutcome } from './finalWithoutOutcome.ts';

describe('final-without-outcome', () => {
  it('accepts final states that carry an outcome', () => {
    expect(lintRule(finalWithoutOutcome)).toEqual([]);
  });

  it('flags a final state without outcome', () => {
    const found = lintRule(finalWithoutOutcome, (d) => void delete d.workflow.states[5]!.outcome);
    expect(pointers(found)).toEqual(['/workflow/states/5']);
    expect(found[0]?.message).toMatch(/^L’état « Refusé » \(refuse\) est final/);
  });
});
