import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, Role } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { applyWorkflowChange, type WorkflowChange } from './workflowChanges.ts';

const stateIds = [...socialAidDefinition.workflow.states.map((s) => s.id), 'nouvel_etat'];
const transitionIds = [...socialAidDefinition.workflow.transitions.map((t) => t.id), 'nouvelle'];

/** Any change the editors can send, on known and unknown ids alike. */
const change: fc.Arbitrary<WorkflowChange> = fc.oneof(
  fc.record({
    type: fc.constant('addState' as const),
    state: fc.record({
      id: fc.constantFrom(...stateIds),
      label: fc.constant('État'),
      kind: fc.constant('active' as const),
    }),
    position: fc.record({ x: fc.integer(), y: fc.integer() }),
  }),
  fc.record({ type: fc.constant('removeState' as const), id: fc.constantFrom(...stateIds) }),
  fc.record({ type: fc.constant('setInitialState' as const), id: fc.constantFrom(...stateIds) }),
  fc.record({
    type: fc.constant('addTransition' as const),
    transition: fc.record({
      id: fc.constantFrom(...transitionIds),
      label: fc.constant('Aller'),
      from: fc.oneof(
        fc.constant('*' as const),
        fc.uniqueArray(fc.constantFrom(...stateIds), { minLength: 1, maxLength: 3 }),
      ),
      to: fc.constantFrom(...stateIds),
      by: fc.constant<Role[]>(['agent']),
    }),
  }),
  fc.record({
    type: fc.constant('removeTransition' as const),
    id: fc.constantFrom(...transitionIds),
  }),
  fc.record({
    type: fc.constant('moveStates' as const),
    positions: fc.dictionary(
      fc.constantFrom(...stateIds),
      fc.record({ x: fc.double(), y: fc.double() }),
    ),
  }),
);

/** Ids named by transitions, the initial state and the layout that no state has. */
function danglingIds(definition: DemarcheDefinition): string[] {
  const known = new Set(definition.workflow.states.map((s) => s.id));
  const named = [
    definition.workflow.initialState,
    ...Object.keys(definition.workflow.layout?.positions ?? {}),
  ];
  return named.filter((id) => !known.has(id));
}

describe('applyWorkflowChange on any sequence of changes', () => {
  it('never mutates its input, and deletions leave nothing pointing at a removed state', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const before = structuredClone(socialAidDefinition);
        let definition: DemarcheDefinition = socialAidDefinition;
        for (const next of changes) {
          const previous = structuredClone(definition);
          const result = applyWorkflowChange(definition, next);
          expect(definition).toEqual(previous);
          const changed = result !== definition;
          definition = result;
          if (next.type === 'removeState' && changed) {
            // Right after a deletion, no transition still names the state.
            for (const transition of definition.workflow.transitions) {
              expect(transition.to).not.toBe(next.id);
              if (transition.from !== '*') {
                expect(transition.from).not.toContain(next.id);
                expect(transition.from.length).toBeGreaterThan(0);
              }
            }
          }
        }
        expect(socialAidDefinition).toEqual(before);
        expect(danglingIds(definition)).toEqual([]);
        const ids = definition.workflow.states.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const position of Object.values(definition.workflow.layout?.positions ?? {})) {
          expect(Number.isFinite(position.x) && Number.isFinite(position.y)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
