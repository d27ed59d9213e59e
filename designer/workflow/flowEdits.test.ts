import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { deletionChanges, settledPositions, transitionOfConnection } from './flowEdits.ts';
import { applyWorkflowChange } from './workflowChanges.ts';

const workflow = socialAidDefinition.workflow;

describe('settledPositions', () => {
  it('keeps the end of a drag and keyboard moves, not the positions while dragging', () => {
    expect(
      settledPositions([
        { type: 'position', id: 'a', position: { x: 1, y: 1 }, dragging: true },
        { type: 'position', id: 'b', position: { x: 2, y: 3 }, dragging: false },
        { type: 'position', id: 'c', dragging: false },
        { type: 'select', id: 'a', selected: true },
      ]),
    ).toEqual({ b: { x: 2, y: 3 } });
  });
});

describe('transitionOfConnection', () => {
  it('creates an agent transition named after its target, with a fresh id', () => {
    const change = transitionOfConnection(workflow, { source: 'depose', target: 'refuse' });
    expect(change?.transition).toEqual({
      id: 'depose_vers_refuse',
      label: 'Vers Refusé',
      from: ['depose'],
      to: 'refuse',
      by: ['agent'],
    });
    const twice = applyWorkflowChange(socialAidDefinition, change!);
    expect(
      transitionOfConnection(twice.workflow, { source: 'depose', target: 'refuse' })?.transition.id,
    ).toBe('depose_vers_refuse_2');
  });

  it('refuses a connection with an unknown end', () => {
    expect(transitionOfConnection(workflow, { source: 'ghost', target: 'refuse' })).toBeNull();
  });
});

describe('deletionChanges', () => {
  it('removes states (never the initial one) and the transitions whose only source was deleted', () => {
    expect(
      deletionChanges(workflow, {
        stateIds: ['brouillon', 'complement'],
        edges: [
          { transitionId: 'prendre_en_charge', source: 'depose' },
          { transitionId: 'completer', source: 'complement' },
        ],
      }),
    ).toEqual([
      { type: 'removeState', id: 'complement' },
      { type: 'removeTransition', id: 'prendre_en_charge' },
    ]);
  });

  it('drops one source of a multi-source transition and a whole global one', () => {
    const definition = applyWorkflowChange(socialAidDefinition, {
      type: 'addTransition',
      transition: {
        id: 'clore',
        label: 'Clore',
        from: ['depose', 'en_instruction'],
        to: 'refuse',
        by: ['agent'],
      },
    });
    expect(
      deletionChanges(definition.workflow, {
        stateIds: [],
        edges: [
          { transitionId: 'clore', source: 'depose' },
          { transitionId: 'retirer', source: 'depose' },
        ],
      }),
    ).toEqual([
      { type: 'updateTransition', id: 'clore', patch: { from: ['en_instruction'] } },
      { type: 'removeTransition', id: 'retirer' },
    ]);
  });
});
