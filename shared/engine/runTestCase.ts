import type { DemarcheDefinition, Role, TestCase } from '../definition/types.ts';
import { apply } from './apply.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import type { Actor, DossierSnapshot, EngineError } from './types.ts';

/** How one step of a test case went. */
export interface TestStepOutcome {
  transition: string;
  actor: Role;
  /** The state the dossier reached; the state it stayed in when the step was refused. */
  state: string;
  /** Types of the effects the runtime would perform (mails, webhooks, letters), in order. */
  effects: string[];
  /** Why the engine refused the step; absent when it fired. */
  refused?: EngineError;
  /** What differs from the step's `expect`, in French; empty when the step passed. */
  mismatches: string[];
}

export interface TestCaseOutcome {
  id: string;
  name: string;
  passed: boolean;
  steps: TestStepOutcome[];
}

/** The applicant every simulated dossier belongs to. */
const SIMULATED_APPLICANT: Actor = { id: 'simulation-usager', roles: [], units: [] };

/**
 * Plays a saved test case on a fresh dossier of `definition`, step by step, through the
 * same `apply` the runtime uses, and compares each step with what it expects. Staff
 * actors are members of whatever unit the dossier is routed to (unit membership is the
 * tenant's configuration, not the démarche's); `system` steps stand for timers firing.
 * A refused step ends the run: the following steps would start from the wrong state.
 *
 * @example
 * const outcome = runTestCase(definition, definition.tests![0]!, new Date());
 * if (!outcome.passed) console.log(outcome.steps.flatMap((step) => step.mismatches));
 */
export function runTestCase(
  definition: DemarcheDefinition,
  testCase: TestCase,
  startedAt: Date,
): TestCaseOutcome {
  let dossier: DossierSnapshot = {
    id: `simulation-${testCase.id}`,
    reference: 'SIMULATION',
    state: definition.workflow.initialState,
    revision: 0,
    data: structuredClone(testCase.data),
    applicantId: SIMULATED_APPLICANT.id,
    unit: null,
    assigneeId: null,
    priority: 'normal',
    createdAt: startedAt.toISOString(),
    enteredStateAt: startedAt.toISOString(),
    dueAt: null,
  };
  const steps: TestStepOutcome[] = [];
  for (const [index, step] of testCase.steps.entries()) {
    // A day between steps, so due dates and milestones differ as they would in real life.
    const now = new Date(startedAt.getTime() + (index + 1) * 86_400_000);
    const actor = actorFor(step.actor, dossier);
    const result = apply(
      definition,
      dossier,
      { transition: step.transition },
      step.input,
      actor,
      now,
    );
    if (!result.ok) {
      steps.push({
        transition: step.transition,
        actor: step.actor,
        state: dossier.state,
        effects: [],
        refused: result.error,
        mismatches: [`l’action « ${step.transition} » a été refusée (${result.error.code}).`],
      });
      break;
    }
    dossier = result.value.dossier;
    const effects = result.value.effects.map((pending) => pending.effect.type);
    steps.push({
      transition: step.transition,
      actor: step.actor,
      state: dossier.state,
      effects,
      mismatches: mismatchesOf(step.expect, dossier.state, effects),
    });
  }
  const passed =
    steps.length === testCase.steps.length && steps.every((step) => step.mismatches.length === 0);
  return { id: testCase.id, name: testCase.name, passed, steps };
}

function actorFor(role: Role, dossier: DossierSnapshot): Actor {
  if (role === 'applicant') return SIMULATED_APPLICANT;
  if (role === 'system') return SYSTEM_ACTOR;
  return {
    id: `simulation-${role}`,
    roles: [role],
    units: dossier.unit === null ? [] : [dossier.unit],
  };
}

function mismatchesOf(
  expected: TestCase['steps'][number]['expect'],
  state: string,
  effects: readonly string[],
): string[] {
  const mismatches: string[] = [];
  if (state !== expected.state) {
    mismatches.push(`état attendu « ${expected.state} », obtenu « ${state} ».`);
  }
  if (expected.effects !== undefined && expected.effects.join(',') !== effects.join(',')) {
    mismatches.push(
      `effets attendus [${expected.effects.join(', ')}], obtenus [${effects.join(', ')}].`,
    );
  }
  return mismatches;
}
