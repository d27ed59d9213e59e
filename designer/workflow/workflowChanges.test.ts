import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { transitionsGoneWith } from './transitionsGoneWith.ts';
import { applyWorkflowChange, type WorkflowChange } from './workflowChanges.ts';

const definition = socialAidDefinition;
const frozen = structuredClone(definition);

function apply(...changes: WorkflowChange[]) {
  return changes.reduce(applyWorkflowChange, definition);
}

describe('applyWorkflowChange', () => {
  it('adds a state with its position, and refuses a duplicate id', () => {
    const next = apply({
      type: 'addState',
      state: { id: 'commission', label: 'En commission', kind: 'active' },
      position: { x: 40, y: 80 },
    });
    expect(next.workflow.states.at(-1)).toEqual({
      id: 'commission',
      label: 'En commission',
      kind: 'active',
    });
    expect(next.workflow.layout?.positions['commission']).toEqual({ x: 40, y: 80 });
    const again = applyWorkflowChange(next, {
      type: 'addState',
      state: { id: 'commission', label: 'Autre', kind: 'active' },
    });
    expect(again).toBe(next);
  });

  it('patches a state: given keys replace, undefined keys are removed, the id stays', () => {
    const next = apply({
      type: 'updateState',
      id: 'depose',
      patch: { label: 'Dossier déposé', sla: undefined, owner: { role: 'supervisor' } },
    });
    const state = next.workflow.states.find((candidate) => candidate.id === 'depose');
    expect(state).toEqual({
      id: 'depose',
      label: 'Dossier déposé',
      kind: 'active',
      owner: { role: 'supervisor' },
    });
    expect(state).not.toHaveProperty('sla');
  });

  it('removes a state with the transitions into it and drops it from multi-source ones', () => {
    const withPosition = apply(
      { type: 'moveStates', positions: { complement: { x: 1, y: 2 } } },
      {
        type: 'addTransition',
        transition: {
          id: 'rappeler',
          label: 'Rappeler',
          from: ['depose', 'complement'],
          to: 'en_instruction',
          by: ['agent'],
        },
      },
    );
    const next = applyWorkflowChange(withPosition, { type: 'removeState', id: 'complement' });
    const ids = next.workflow.states.map((state) => state.id);
    expect(ids).not.toContain('complement');
    for (const transition of next.workflow.transitions) {
      expect(transition.to).not.toBe('complement');
      if (transition.from !== '*') {
        expect(transition.from).not.toContain('complement');
        expect(transition.from.length).toBeGreaterThan(0);
      }
    }
    // Global transitions (from '*') stay: they name no source.
    const globals = definition.workflow.transitions.filter((t) => t.from === '*');
    for (const global of globals.filter((t) => t.to !== 'complement'))
      expect(next.workflow.transitions).toContainEqual(global);
    expect(next.workflow.layout?.positions).not.toHaveProperty('complement');
    expect(next.workflow.transitions.find((t) => t.id === 'rappeler')?.from).toEqual(['depose']);
    expect(validateDefinition(next).ok).toBe(true);
  });

  it('keeps the initial state: a dossier must start somewhere', () => {
    expect(apply({ type: 'removeState', id: definition.workflow.initialState })).toBe(definition);
  });

  it('moves the initial state only to a known state', () => {
    expect(apply({ type: 'setInitialState', id: 'nowhere' })).toBe(definition);
    expect(apply({ type: 'setInitialState', id: 'depose' }).workflow.initialState).toBe('depose');
  });

  it('adds, patches and removes a transition', () => {
    const added = apply({
      type: 'addTransition',
      transition: {
        id: 'relancer',
        label: 'Relancer',
        from: ['complement'],
        to: 'complement',
        by: ['system'],
      },
    });
    expect(added.workflow.transitions.at(-1)?.id).toBe('relancer');
    const timed = applyWorkflowChange(added, {
      type: 'updateTransition',
      id: 'relancer',
      patch: { after: 'P7D', label: 'Relance automatique' },
    });
    expect(timed.workflow.transitions.at(-1)).toMatchObject({
      after: 'P7D',
      label: 'Relance automatique',
    });
    const removed = applyWorkflowChange(timed, { type: 'removeTransition', id: 'relancer' });
    expect(removed.workflow.transitions).toEqual(definition.workflow.transitions);
    expect(applyWorkflowChange(removed, { type: 'removeTransition', id: 'relancer' })).toBe(
      removed,
    );
  });

  it('merges positions of known states into the layout, ignoring unknown ids and NaN', () => {
    const next = apply(
      { type: 'moveStates', positions: { depose: { x: 10, y: 20 } } },
      {
        type: 'moveStates',
        positions: {
          brouillon: { x: 0, y: 0 },
          ghost: { x: 5, y: 5 },
          depose: { x: Number.NaN, y: 1 },
        },
      },
    );
    expect(next.workflow.layout?.positions).toEqual({
      depose: { x: 10, y: 20 },
      brouillon: { x: 0, y: 0 },
    });
    expect(validateDefinition(next).ok).toBe(true);
  });

  it('keeps the viewport beside the positions', () => {
    const next = apply(
      { type: 'setViewport', viewport: { x: 5, y: -3, zoom: 1.5 } },
      { type: 'moveStates', positions: { depose: { x: 1, y: 2 } } },
    );
    expect(next.workflow.layout).toEqual({
      positions: { depose: { x: 1, y: 2 } },
      viewport: { x: 5, y: -3, zoom: 1.5 },
    });
  });

  it('replaces the whole definition', () => {
    const other = { ...definition, meta: { ...definition.meta, title: 'Autre' } };
    expect(apply({ type: 'replaceDefinition', definition: other })).toBe(other);
  });

  it('never mutates its input, and unchanged parts keep their identity', () => {
    const next = apply(
      { type: 'updateState', id: 'depose', patch: { label: 'X' } },
      { type: 'removeState', id: 'complement' },
      { type: 'moveStates', positions: { depose: { x: 1, y: 1 } } },
    );
    expect(definition).toEqual(frozen);
    expect(next.form).toBe(definition.form);
    expect(next.workflow.states[0]).toBe(definition.workflow.states[0]);
  });
});

describe('transitionsGoneWith', () => {
  it('counts what removeState removes', () => {
    for (const state of definition.workflow.states.slice(1)) {
      const after = apply({ type: 'removeState', id: state.id });
      expect(transitionsGoneWith(definition.workflow, state.id), state.id).toBe(
        definition.workflow.transitions.length - after.workflow.transitions.length,
      );
    }
  });
});
