import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from '../engine/apply.ts';
import { SYSTEM_ACTOR } from '../engine/systemActor.ts';
import { arbitraryDefinition } from '../engine/testing/arbitraryDefinition.ts';
import type { Actor, DossierSnapshot } from '../engine/types.ts';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import type { DemarcheDefinitionV1 } from './definitionV1.ts';
import { loadDefinition } from './loadDefinition.ts';
import { migrate1to2 } from './migrate1to2.ts';
import type { DemarcheDefinition } from './types.ts';

/** A definition as format 1 stored it: version 1, no layout, no sections. */
function asV1(definition: DemarcheDefinition): DemarcheDefinitionV1 {
  const { layout: _layout, ...workflow } = definition.workflow;
  const { sections: _sections, ...form } = definition.form;
  return { ...structuredClone(definition), version: 1, form, workflow };
}

const ACTORS: Actor[] = [
  { id: 'citoyen', roles: [], units: [] },
  { id: 'agent', roles: ['agent'], units: ['u1', 'u2'] },
  { id: 'chef', roles: ['supervisor'], units: ['u1'] },
  { id: 'admin', roles: ['admin'], units: [] },
  SYSTEM_ACTOR,
];

function newDossier(definition: { workflow: { initialState: string } }): DossierSnapshot {
  return {
    id: 'd',
    reference: 'ALEA-2026-000001',
    state: definition.workflow.initialState,
    revision: 0,
    data: {},
    applicantId: 'citoyen',
    unit: 'u1',
    assigneeId: null,
    priority: 'normal',
    createdAt: '2026-01-01T00:00:00.000Z',
    enteredStateAt: '2026-01-01T00:00:00.000Z',
    dueAt: null,
  };
}

const stepArb = fc.record({
  transition: fc.nat(),
  actor: fc.nat(),
  data: fc.record({ a: fc.integer({ min: -3, max: 10 }), b: fc.integer({ min: -3, max: 10 }) }),
  input: fc.constantFrom(undefined, { motif: 'pièces' }),
});

describe('migrate1to2', () => {
  it('adds an empty layout and changes nothing else', () => {
    const v1 = asV1(socialAidDefinition);
    const before = structuredClone(v1);
    const v2 = migrate1to2(v1);
    expect(v2).toEqual({
      ...v1,
      version: 2,
      workflow: { ...v1.workflow, layout: { positions: {} } },
    });
    expect(v2.form).toBe(v1.form);
    expect(v2.workflow.states).toBe(v1.workflow.states);
    expect(v2.workflow.transitions).toBe(v1.workflow.transitions);
    expect(v1).toEqual(before); // the input is left untouched
  });

  it('leaves a workflow that is not an object for validation to report', () => {
    expect(migrate1to2({ version: 1, workflow: 'circuit' })).toEqual({
      version: 2,
      workflow: 'circuit',
    });
  });

  it('turns the social-aid démarche of format 1 into a valid format 2 one', () => {
    const loaded = loadDefinition(asV1(socialAidDefinition));
    expect(loaded.ok && loaded.value.workflow.layout).toEqual({ positions: {} });
  });

  // Validation compiles every embedded schema (tens of ms a definition): fewer runs.
  it('gives every valid format 1 definition a valid format 2 one', () => {
    fc.assert(
      fc.property(arbitraryDefinition(), (definition) => {
        const loaded = loadDefinition(asV1(definition));
        expect(loaded.ok ? [] : loaded.error).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the workflow behaviour: same steps, same outcomes as on the format 1 document', () => {
    fc.assert(
      fc.property(
        arbitraryDefinition(),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (definition, steps) => {
          const v1 = asV1(definition);
          const v2 = migrate1to2(v1);
          const { layout, ...workflow } = v2.workflow;
          expect(layout).toEqual({ positions: {} });
          expect({ ...v2, version: 1, workflow }).toEqual(v1);
          // The old code ran the format 1 document as it was.
          const asStored = v1 as unknown as DemarcheDefinition;
          const { transitions } = v1.workflow;
          let before = newDossier(v1);
          let after = newDossier(v2);
          let now = new Date('2026-01-01T00:00:00.000Z');
          for (const step of steps) {
            now = new Date(now.getTime() + 5 * 86_400_000);
            const transition = transitions[step.transition % transitions.length];
            const actor = ACTORS[step.actor % ACTORS.length]!;
            const action = { transition: transition?.id ?? 'inconnue', revision: before.revision };
            before = { ...before, data: step.data };
            after = { ...after, data: step.data };
            const old = apply(asStored, before, action, step.input, actor, now);
            const migrated = apply(v2, after, action, step.input, actor, now);
            expect(migrated).toEqual(old);
            if (old.ok && migrated.ok) {
              before = old.value.dossier;
              after = migrated.value.dossier;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
