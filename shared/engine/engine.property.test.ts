import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, TransitionDefinition } from '../definition/types.ts';
import { allowedActions } from './allowedActions.ts';
import { apply } from './apply.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import { arbitraryDefinition } from './testing/arbitraryDefinition.ts';
import type { Actor, DossierSnapshot } from './types.ts';

const APPLICANT_ID = 'citoyen-1';
const ACTORS: Actor[] = [
  { id: APPLICANT_ID, roles: [], units: [] },
  { id: 'citoyen-2', roles: [], units: [] },
  { id: 'agent-u1', roles: ['agent'], units: ['u1'] },
  { id: 'agent-u2', roles: ['agent'], units: ['u2'] },
  { id: 'chef', roles: ['supervisor'], units: ['u1', 'u2'] },
  { id: 'admin', roles: ['admin'], units: [] },
  { id: 'imposteur', roles: ['system'], units: ['u1'] },
  SYSTEM_ACTOR,
];

const dataArb = fc.record(
  { a: fc.integer({ min: -3, max: 10 }), b: fc.integer({ min: -3, max: 10 }) },
  { requiredKeys: [] },
);

// Steps mostly pick among what the actor is offered, so sequences get somewhere; the
// rest fire anything (unknown transitions included) to exercise every refusal.
const stepArb = fc.record({
  offered: fc.boolean(),
  transition: fc.nat(),
  actor: fc.nat(),
  data: fc.nat(),
  stale: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  input: fc.constantFrom(undefined, undefined, {}, { motif: 'pièces' }),
});

/** Whether `by` admits the actor, written apart from the engine's own check. */
function admits(t: TransitionDefinition, actor: Actor, dossier: DossierSnapshot): boolean {
  if (t.by.includes('applicant') && actor.id === dossier.applicantId) return true;
  if (t.by.includes('system') && actor === SYSTEM_ACTOR) return true;
  if (t.by.includes('admin') && actor.roles.includes('admin')) return true;
  const unitOk = dossier.unit === null || actor.units.includes(dossier.unit);
  return (
    unitOk && actor.roles.some((r) => (r === 'agent' || r === 'supervisor') && t.by.includes(r))
  );
}

function startDossier(definition: DemarcheDefinition, unit: string | null): DossierSnapshot {
  return {
    id: 'd',
    reference: 'ALEA-2026-000001',
    state: definition.workflow.initialState,
    revision: 0,
    data: {},
    applicantId: APPLICANT_ID,
    unit,
    assigneeId: null,
    priority: 'normal',
    createdAt: '2026-01-01T00:00:00.000Z',
    enteredStateAt: '2026-01-01T00:00:00.000Z',
    dueAt: null,
  };
}

describe('engine properties on random definitions and action sequences', () => {
  it('keeps its invariants, and allowedActions agrees with apply', () => {
    let successes = 0;
    fc.assert(
      fc.property(
        arbitraryDefinition(),
        fc.constantFrom(null, 'u1', 'u2'),
        fc.array(dataArb, { minLength: 1, maxLength: 4 }),
        fc.array(stepArb, { minLength: 5, maxLength: 25 }),
        (definition, unit, datas, steps) => {
          const { states, transitions } = definition.workflow;
          const stateIds = new Set(states.map((s) => s.id));
          const isFinal = (id: string) => states.find((s) => s.id === id)?.kind === 'final';
          let dossier = startDossier(definition, unit);
          let now = new Date('2026-01-01T00:00:00.000Z');
          for (const step of steps) {
            dossier = { ...dossier, data: datas[step.data % datas.length] ?? {} };
            now = new Date(now.getTime() + 3_600_000);
            const offers = ACTORS.flatMap((actor) =>
              allowedActions(definition, dossier, actor)
                .filter((a) => a.blockedBy === undefined)
                .map((a) => ({
                  actor,
                  transition: transitions.find((t) => t.id === a.transition),
                })),
            );
            const offer = offers[step.transition % Math.max(offers.length, 1)];
            const { actor, transition } =
              step.offered && offer !== undefined
                ? offer
                : {
                    actor: ACTORS[step.actor % ACTORS.length]!,
                    transition: transitions[step.transition % (transitions.length + 1)],
                  };
            const action = {
              transition: transition?.id ?? 'inconnue',
              revision: step.stale ? dossier.revision + 1 : dossier.revision,
            };
            const before = structuredClone(dossier);

            checkAgreement(definition, dossier, actor, now);
            const result = apply(definition, dossier, action, step.input, actor, now);
            expect(dossier).toEqual(before);
            if (!result.ok) continue;

            successes++;
            expect(transition).toBeDefined();
            expect(step.stale).toBe(false);
            expect(isFinal(dossier.state)).toBe(false);
            expect(admits(transition!, actor, dossier)).toBe(true);
            const next = result.value.dossier;
            expect(stateIds.has(next.state)).toBe(true);
            expect(next.state).toBe(transition!.to);
            expect(next.revision).toBe(dossier.revision + 1);
            expect(result.value.events).toHaveLength(1);
            dossier = next;
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(successes).toBeGreaterThan(200);
  });
});

/** Non-blocked allowed actions are exactly the input-free transitions apply accepts. */
function checkAgreement(
  definition: DemarcheDefinition,
  dossier: DossierSnapshot,
  actor: Actor,
  now: Date,
) {
  const listed = new Map(allowedActions(definition, dossier, actor).map((a) => [a.transition, a]));
  for (const transition of definition.workflow.transitions) {
    if (transition.input !== undefined) continue;
    const result = apply(definition, dossier, { transition: transition.id }, undefined, actor, now);
    const action = listed.get(transition.id);
    expect(result.ok).toBe(action !== undefined && action.blockedBy === undefined);
    if (!result.ok && action !== undefined) {
      expect(['GUARD_FAILED', 'INVALID_DATA']).toContain(result.error.code);
    }
  }
}
