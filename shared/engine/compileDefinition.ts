import type { ValidateFunction } from 'ajv';
import type {
  DemarcheDefinition,
  Effect,
  Priority,
  Role,
  StateDefinition,
  TransitionDefinition,
} from '../definition/types.ts';
import { type CompiledDuration, compileDuration } from './compileDuration.ts';
import type { GuardCheck } from './compileGuard.ts';
import { type CompiledSchemas, compileSchemas } from './compileSchemas.ts';

/** Effects the engine applies to the snapshot itself, resolved once per definition. */
export type SnapshotEffect = (
  | {
      type: 'assign';
      unit: string | undefined;
      /** Input field holding the unit code the actor chose. */
      unitFromInput: string | undefined;
      agent: 'actor' | 'none' | undefined;
    }
  | { type: 'route' }
  | { type: 'setDueDate'; due: CompiledDuration }
  | { type: 'setPriority'; priority: Priority }
) & {
  /** Only when this json-logic expression holds (`effects[].when`). */
  when?: unknown;
};

export interface CompiledState {
  readonly definition: StateDefinition;
  readonly sla: CompiledDuration | null;
  /** Transitions that may leave this state, globals included; empty when final. */
  readonly outgoing: CompiledTransition[];
  /** `since`: the milestone the delay counts from; absent, the entry into the state. */
  readonly timers: Array<{ transition: string; after: CompiledDuration; since?: string }>;
}

export interface CompiledTransition {
  readonly definition: TransitionDefinition;
  readonly to: CompiledState;
  /** Source state ids; `null` for a global transition (every active state). */
  readonly from: ReadonlySet<string> | null;
  /** Whether each role appears in `by`. */
  readonly admits: Readonly<Record<Role, boolean>>;
  /** `by` names no human role but `applicant`: refusing anyone else is about ownership. */
  readonly applicantOnly: boolean;
  readonly guard: GuardCheck | null;
  readonly input: ValidateFunction | null;
  readonly snapshotEffects: readonly SnapshotEffect[];
  /** `notify`, `webhook`, `letter`: performed by the runtime after commit. */
  readonly runtimeEffects: readonly Effect[];
  /** For each runtime effect, how many snapshot effects the definition lists before it. */
  readonly runtimeEffectPlaces: readonly number[];
  /**
   * A runtime effect is listed before an effect that may move the dossier to another unit
   * (`assign` to a unit, `route`): a transfer's mail to the union it leaves, then the move.
   */
  readonly movesUnitAmidEffects: boolean;
  /** Some effect has a `when`: the engine must evaluate expressions to pick effects. */
  readonly conditionalEffects: boolean;
}

export interface CompiledDefinition {
  readonly states: ReadonlyMap<string, CompiledState>;
  readonly transitions: ReadonlyMap<string, CompiledTransition>;
  readonly schemas: CompiledSchemas;
}

// Published versions are immutable, so the definition object itself is the cache key and
// a version nobody references any more takes its compiled form with it.
const cache = new WeakMap<DemarcheDefinition, CompiledDefinition>();

/**
 * The lookup tables and compiled schemas the engine works from, built once per
 * definition object. Throws if a transition targets an undeclared state or a duration is
 * malformed: definitions are validated before they reach the engine.
 *
 * @example
 * const compiled = compileDefinition(socialAidDefinition);
 * compiled.states.get('en_instruction')?.outgoing.map((t) => t.definition.id);
 * // ['demander_complement', 'accepter', 'refuser', 'retirer']
 */
export function compileDefinition(definition: DemarcheDefinition): CompiledDefinition {
  let compiled = cache.get(definition);
  if (compiled === undefined) {
    compiled = build(definition);
    cache.set(definition, compiled);
  }
  return compiled;
}

function build(definition: DemarcheDefinition): CompiledDefinition {
  const schemas = compileSchemas(definition);
  const states = new Map<string, CompiledState>();
  for (const state of definition.workflow.states) {
    const sla = state.sla === undefined ? null : compileDuration(state.sla);
    states.set(state.id, { definition: state, sla, outgoing: [], timers: [] });
  }
  const transitions = new Map<string, CompiledTransition>();
  for (const transition of definition.workflow.transitions) {
    const to = states.get(transition.to);
    if (to === undefined) {
      throw new Error(`Transition ${transition.id} targets unknown state ${transition.to}`);
    }
    const compiled = compileTransition(transition, to, schemas);
    transitions.set(transition.id, compiled);
    const after = transition.after === undefined ? null : compileDuration(transition.after);
    for (const state of states.values()) {
      if (state.definition.kind === 'final') continue;
      const leaves =
        compiled.from === null
          ? state.definition.kind === 'active'
          : compiled.from.has(state.definition.id);
      if (!leaves) continue;
      state.outgoing.push(compiled);
      if (after === null) continue;
      const { since } = transition;
      state.timers.push({
        transition: transition.id,
        after,
        ...(since === undefined ? {} : { since }),
      });
    }
  }
  return { states, transitions, schemas };
}

function compileTransition(
  transition: TransitionDefinition,
  to: CompiledState,
  schemas: CompiledSchemas,
): CompiledTransition {
  const by = new Set(transition.by);
  const admits: Record<Role, boolean> = {
    applicant: by.has('applicant'),
    agent: by.has('agent'),
    supervisor: by.has('supervisor'),
    admin: by.has('admin'),
    system: by.has('system'),
  };
  const snapshotEffects: SnapshotEffect[] = [];
  const runtimeEffects: Effect[] = [];
  const runtimeEffectPlaces: number[] = [];
  let movesUnitAmidEffects = false;
  for (const effect of transition.effects ?? []) {
    const movesUnit =
      effect.type === 'route' ||
      (effect.type === 'assign' &&
        (effect.unit !== undefined || effect.unitFromInput !== undefined));
    if (movesUnit && runtimeEffects.length > 0) movesUnitAmidEffects = true;
    const when = effect.when === undefined ? {} : { when: effect.when };
    if (effect.type === 'assign') {
      const { unit, unitFromInput, agent } = effect;
      snapshotEffects.push({ type: 'assign', unit, unitFromInput, agent, ...when });
    } else if (effect.type === 'setDueDate') {
      snapshotEffects.push({ type: 'setDueDate', due: compileDuration(effect.in), ...when });
    } else if (effect.type === 'route' || effect.type === 'setPriority') {
      snapshotEffects.push(effect);
    } else {
      runtimeEffectPlaces.push(snapshotEffects.length);
      runtimeEffects.push(effect);
    }
  }
  return {
    definition: transition,
    to,
    from: transition.from === '*' ? null : new Set(transition.from),
    admits,
    applicantOnly: admits.applicant && !admits.agent && !admits.supervisor && !admits.admin,
    guard: schemas.guards.get(transition.id) ?? null,
    input: schemas.inputs.get(transition.id) ?? null,
    snapshotEffects,
    runtimeEffects,
    runtimeEffectPlaces,
    movesUnitAmidEffects,
    conditionalEffects: (transition.effects ?? []).some((effect) => effect.when !== undefined),
  };
}
