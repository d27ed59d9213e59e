import type { DemarcheDefinition, Effect, Role, TestCase } from '../../shared/definition/index.ts';
import {
  type Actor,
  type AllowedAction,
  allowedActions,
  apply,
  type DossierSnapshot,
  type EngineError,
  SYSTEM_ACTOR,
} from '../../shared/engine/index.ts';
import { computeValues, parisDate } from '../../shared/expressions/index.ts';

/** One action the admin fired while simulating: who, which transition, their form. */
export interface SimulationStep {
  transition: string;
  actor: Role;
  input?: Record<string, unknown>;
}

/** An effect the runtime would perform after a step, as data (mails rendered later). */
export interface SimulatedEffect {
  type: string;
  /** `notify` and `letter`: the template's id. */
  template?: string;
  /** `webhook`: where it would post. */
  url?: string;
}

export interface SimulatedStepOutcome extends SimulationStep {
  state: string;
  effects: SimulatedEffect[];
  /** Data and dossier after the step, for rendering its mails. */
  dossier: DossierSnapshot;
}

/** An action a role cannot fire from the current state, and why, in French. */
export interface UnavailableAction {
  transition: string;
  label: string;
  reason: string;
}

export interface SimulationView {
  dossier: DossierSnapshot;
  /** The data with every computed value worked out, as guards and templates see it. */
  computed: Record<string, unknown>;
  /** Whether the state reached is final (nothing more to do). */
  final: boolean;
  steps: SimulatedStepOutcome[];
  /** A step the engine refused (the last one the admin asked for): the run stops before it. */
  refused: { step: SimulationStep; error: EngineError } | null;
  /** For each role, what it may fire now (with `blockedBy` when the data does not allow it yet). */
  actions: Record<Role, AllowedAction[]>;
  /** For each role, the current state's actions it may not fire, and why. */
  unavailable: Record<Role, UnavailableAction[]>;
}

/** The applicant of every simulated dossier: the same as `runTestCase`'s. */
const SIMULATED_APPLICANT: Actor = { id: 'simulation-usager', roles: [], units: [] };
const DAY_MS = 86_400_000;
const ROLES_SHOWN: readonly Role[] = ['applicant', 'agent', 'supervisor', 'admin', 'system'];

/**
 * Plays `steps` on a fresh dossier of `definition` holding `data`, with the same engine
 * the server runs and exactly as `runTestCase` does (same applicant, staff members of the
 * dossier's unit, a day between steps), so a run saved as a test case replays the same.
 * Nothing is stored: the studio replays the whole run after every change, in its
 * simulation worker. Stops at the first refused step.
 *
 * @example
 * const view = replaySimulation(definition, sample, [{ transition: 'deposer', actor: 'applicant' }], now);
 * view.dossier.state; // 'depose'
 * view.actions.agent.map((action) => action.transition); // ['accepter', 'refuser']
 */
export function replaySimulation(
  definition: DemarcheDefinition,
  data: Record<string, unknown>,
  steps: readonly SimulationStep[],
  startedAt: Date,
): SimulationView {
  let dossier: DossierSnapshot = {
    id: 'simulation',
    reference: 'SIMULATION',
    state: definition.workflow.initialState,
    revision: 0,
    data: structuredClone(data),
    applicantId: SIMULATED_APPLICANT.id,
    unit: null,
    assigneeId: null,
    priority: 'normal',
    createdAt: startedAt.toISOString(),
    enteredStateAt: startedAt.toISOString(),
    dueAt: null,
  };
  const outcomes: SimulatedStepOutcome[] = [];
  let refused: SimulationView['refused'] = null;
  for (const [index, step] of steps.entries()) {
    const now = new Date(startedAt.getTime() + (index + 1) * DAY_MS);
    const result = apply(
      definition,
      dossier,
      { transition: step.transition },
      step.input,
      actorFor(step.actor, dossier),
      now,
    );
    if (!result.ok) {
      refused = { step, error: result.error };
      break;
    }
    dossier = result.value.dossier;
    outcomes.push({
      ...step,
      state: dossier.state,
      effects: result.value.effects.map(({ effect }) => describeEffect(effect as Effect)),
      dossier,
    });
  }
  const now = new Date(startedAt.getTime() + (outcomes.length + 1) * DAY_MS);
  const state = definition.workflow.states.find((candidate) => candidate.id === dossier.state);
  const actions = {} as Record<Role, AllowedAction[]>;
  const unavailable = {} as Record<Role, UnavailableAction[]>;
  for (const role of ROLES_SHOWN) {
    actions[role] = allowedActions(definition, dossier, actorFor(role, dossier));
    unavailable[role] = unavailableFor(
      definition,
      state?.kind === 'active',
      dossier.state,
      role,
      actions[role],
    );
  }
  return {
    dossier,
    computed: computeValues(definition, dossier.data, parisDate(now)),
    final: state?.kind === 'final',
    steps: outcomes,
    refused,
    actions,
    unavailable,
  };
}

/**
 * The test case a run makes: its data, its steps, and what each step reached (state and
 * effect types) as what the test expects from now on.
 *
 * @example
 * toTestCase('cas-nominal', 'Cas nominal', sample, view);
 */
export function toTestCase(
  id: string,
  name: string,
  data: Record<string, unknown>,
  view: SimulationView,
): TestCase {
  return {
    id,
    name,
    data: structuredClone(data),
    steps: view.steps.map((step) => ({
      transition: step.transition,
      actor: step.actor,
      ...(step.input === undefined ? {} : { input: step.input }),
      expect: {
        state: step.state,
        effects: step.effects.map((effect) => effect.type) as NonNullable<
          TestCase['steps'][number]['expect']['effects']
        >,
      },
    })),
  };
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

const ROLE_NAMES: Record<Role, string> = {
  applicant: 'à l’usager',
  agent: 'aux agents',
  supervisor: 'aux superviseurs',
  admin: 'aux administrateurs',
  system: 'au système (délai écoulé)',
};

function unavailableFor(
  definition: DemarcheDefinition,
  active: boolean,
  stateId: string,
  role: Role,
  allowed: readonly AllowedAction[],
): UnavailableAction[] {
  const allowedIds = new Set(allowed.map((action) => action.transition));
  return definition.workflow.transitions
    .filter(
      (transition) =>
        (transition.from === '*' ? active : transition.from.includes(stateId)) &&
        !allowedIds.has(transition.id),
    )
    .map((transition) => ({
      transition: transition.id,
      label: transition.label,
      reason: transition.by.includes(role)
        ? 'Refusée pour ce dossier (service, propriétaire ou état).'
        : `Réservée ${transition.by.map((by) => ROLE_NAMES[by]).join(', ')}.`,
    }));
}

function describeEffect(effect: Effect): SimulatedEffect {
  if (effect.type === 'notify' || effect.type === 'letter') {
    return { type: effect.type, template: effect.template };
  }
  if (effect.type === 'webhook') return { type: effect.type, url: effect.url };
  return { type: effect.type };
}
