import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { positionOfUnknownState } from './positionOfUnknownState.ts';

describe('position-of-unknown-state', () => {
  it('accepts the sample, with or without a layout', () => {
    expect(lintRule(positionOfUnknownState)).toEqual([]);
    const laidOut = lintRule(positionOfUnknownState, (d) => {
      d.workflow.layout = {
        positions: { brouillon: { x: 0, y: 0 }, depose: { x: 200, y: 0 } },
        viewport: { x: 0, y: 0, zoom: 1 },
      };
    });
    expect(laidOut).toEqual([]);
  });

  it('warns about a position left behind by a renamed state', () => {
    const found = lintRule(positionOfUnknownState, (d) => {
      d.workflow.layout = { positions: { brouillon: { x: 0, y: 0 }, instruction: { x: 1, y: 2 } } };
    });
    expect(pointers(found)).toEqual(['/workflow/layout/positions/instruction']);
    expect(found[0]).toMatchObject({ severity: 'warning' });
    expect(found[0]?.message).toContain('« instruction »');
  });

  it('escapes a state id that a pointer must escape', () => {
    const found = lintRule(positionOfUnknownState, (d) => {
      d.workflow.layout = { positions: { 'a/b': { x: 0, y: 0 } } };
    });
    expect(pointers(found)).toEqual(['/workflow/layout/positions/a~1b']);
  });
});
