import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { applyDraftChanges } from '../editing/index.ts';
import { workflowEdit } from './workflowEdits.ts';

describe('workflowEdit', () => {
  it('maps a drag and a pan to the core’s own changes', () => {
    expect(
      workflowEdit(socialAidDefinition, {
        type: 'moveStates',
        positions: { depose: { x: 1, y: 2 } },
      }),
    ).toEqual({
      type: 'setPositions',
      positions: { depose: { x: 1, y: 2 } },
    });
    expect(
      workflowEdit(socialAidDefinition, { type: 'setViewport', viewport: { x: 0, y: 0, zoom: 2 } }),
    ).toEqual({
      type: 'setViewport',
      viewport: { x: 0, y: 0, zoom: 2 },
    });
  });

  it('applies other edits with the designer’s rules: a removed state takes its transitions along', () => {
    const change = workflowEdit(socialAidDefinition, { type: 'removeState', id: 'complement' });
    expect(change.type).toBe('replaceDefinition');
    const next = applyDraftChanges(socialAidDefinition, [change]);
    expect(next.workflow.states.map((s) => s.id)).not.toContain('complement');
    expect(next.workflow.transitions.filter((t) => t.to === 'complement')).toEqual([]);
    expect(socialAidDefinition.workflow.states.map((s) => s.id)).toContain('complement');
  });
});
