import type { DemarcheDefinition, Effect } from '../definition/types.ts';
import { evaluateExpression, truthy } from '../expressions/index.ts';
import { ajvErrorsToFieldErrors } from '../form/index.ts';
import { err, ok, type Result } from '../result.ts';
import { applySnapshotEffects, applySnapshotEffectsStepwise } from './applySnapshotEffects.ts';
import { applyWrites } from './applyWrites.ts';
import { checkGuard } from './checkGuard.ts';
import { checkInput, EMPTY_INPUT } from './checkInput.ts';
import { checkPermission } from './checkPermission.ts';
import { checkTransitionRules } from './checkTransitionRules.ts';
import {
  type CompiledState,
  type CompiledTransition,
  compileDefinition,
  type SnapshotEffect,
} from './compileDefinition.ts';
import { ExpressionContext } from './expressionContext.ts';
import { routeCompiled } from './routeDossier.ts';
import { checkSubmission } from './submissionCheck.ts';
import type {
  Actor,
  ApplyOutcome,
  DossierEvent,
  DossierSnapshot,
  EngineAction,
  EngineError,
  PendingEffect,
} from './types.ts';

/**
 * Fires one transition: returns the next snapshot, the event to append and the effects
 * the runtime must perform, or why it cannot. Pure: nothing is mutated, nothing is done.
 *
 * Checks, in order: stale revision, unknown transition, final state, source state,
 * permission, input, form (`validateForm`: the schema, then the form's own rules), guard.
 * Guards, routing, rules and effect conditions see the data with its computed values,
 * worked out again from `now`'s day; the snapshot's stored data is left as it is (the
 * server stores computed values at every save). Effects whose `when` does not hold are
 * left out.
 *
 * @example
 * const r = apply(definition, dossier, { transition: 'accepter', revision: 3 }, {}, agent, now);
 * if (r.ok) save(r.value.dossier, r.value.events, r.value.effects);
 * else if (r.error.code === 'GUARD_FAILED') show(r.error.failures);
 */
export function apply(
  definition: DemarcheDefinition,
  dossier: DossierSnapshot,
  action: EngineAction,
  input: Record<string, unknown> | undefined,
  actor: Actor,
  now: Date,
): Result<ApplyOutcome, EngineError> {
  if (action.revision !== undefined && action.revision !== dossier.revision) {
    return err({ code: 'STALE_REVISION', expected: action.revision, actual: dossier.revision });
  }
  const compiled = compileDefinition(definition);
  const id = action.transition;
  const transition = compiled.transitions.get(id);
  if (transition === undefined) return err({ code: 'UNKNOWN_TRANSITION', transition: id });
  const state = compiled.states.get(dossier.state);
  if (state?.definition.kind === 'final') return err({ code: 'FINAL_STATE', state: dossier.state });
  if (state === undefined || !leaves(transition, state.definition.kind, dossier.state)) {
    return err({ code: 'NOT_FROM_STATE', transition: id, state: dossier.state });
  }
  const denial = checkPermission(transition, dossier, actor);
  if (denial !== null) return err({ code: 'NOT_ALLOWED', transition: id, reason: denial });
  const given = input ?? EMPTY_INPUT;
  const inputErrors = checkInput(transition.input, given);
  if (inputErrors !== null) {
    return err({ code: 'INVALID_INPUT', transition: id, errors: inputErrors });
  }
  // A submission drops the data of hidden pages before the guard and the agents see it,
  // and stores the computed values worked out from what is left; other transitions read
  // the computed values without storing them (only `writes` change their data).
  let stored = dossier.data;
  let context = new ExpressionContext(definition, stored, now);
  if (transition.definition.validateForm === true) {
    const checked = checkSubmission(compiled.schemas, context.data as Record<string, unknown>);
    if (checked.errors.length > 0) {
      return err({
        code: 'INVALID_DATA',
        transition: id,
        errors: ajvErrorsToFieldErrors(checked.errors),
      });
    }
    if (checked.data !== context.data)
      context = new ExpressionContext(definition, checked.data, now);
    const failures = context.ruleFailures(definition);
    if (Object.keys(failures).length > 0) {
      return err({ code: 'INVALID_DATA', transition: id, errors: failures });
    }
    stored = context.data as Record<string, unknown>;
  }
  const data = context.data as Record<string, unknown>;
  const verdict = checkGuard(transition, { ...dossier, data }, given);
  if (verdict?.kind === 'broken') return err({ code: 'GUARD_BROKEN', transition: id });
  if (verdict?.kind === 'fail') {
    return err({ code: 'GUARD_FAILED', transition: id, failures: verdict.failures });
  }
  // `today` is worked out only when an expression reads it: formatting the Paris day on
  // every transition halved the engine's throughput (bench:engine).
  const ruleFailures =
    transition.definition.rules === undefined
      ? []
      : checkTransitionRules(transition.definition, {
          data,
          get today() {
            return context.today;
          },
          input: given,
        });
  if (ruleFailures.length > 0) {
    return err({ code: 'GUARD_FAILED', transition: id, failures: ruleFailures });
  }

  const at = now.toISOString();
  const target = transition.to;
  const { writes, milestone } = transition.definition;
  const milestones =
    milestone === undefined ? dossier.milestones : { ...dossier.milestones, [milestone]: at };
  const next: DossierSnapshot = {
    ...dossier,
    data: stored,
    state: target.definition.id,
    revision: dossier.revision + 1,
    enteredStateAt: at,
    dueAt: dueAtOf(target, milestones, now),
  };
  // A dossier leaving its draft is new to the back office: the routing rules give it a
  // unit even when the submit transition lists no `route` effect.
  if (
    next.unit === null &&
    state.definition.kind === 'draft' &&
    target.definition.kind !== 'draft'
  ) {
    next.unit = routeCompiled(compiled, data);
  }
  const holds = (effect: { when?: unknown }) =>
    effect.when === undefined || conditionHolds(effect.when, context, given);
  const effectContext = { compiled, actor, now, input: given, data };
  // Only when the effects move the dossier between mails: each mail's unit is noted.
  let unitsAfter: Array<string | null> | null = null;
  if (transition.movesUnitAmidEffects) {
    unitsAfter = applySnapshotEffectsStepwise(
      next,
      transition.snapshotEffects,
      holds,
      effectContext,
    );
  } else {
    const snapshotEffects: readonly SnapshotEffect[] = transition.conditionalEffects
      ? transition.snapshotEffects.filter(holds)
      : transition.snapshotEffects;
    if (snapshotEffects.length > 0) applySnapshotEffects(next, snapshotEffects, effectContext);
  }
  const written = writes === undefined ? null : applyWrites(next, writes, given);
  if (milestone !== undefined && milestones !== undefined) next.milestones = milestones;
  const event: DossierEvent = {
    type: 'transition',
    transition: id,
    from: dossier.state,
    to: next.state,
    actorId: actor.id,
    at,
    input: given,
    changes:
      written === null
        ? changesBetween(dossier, next)
        : { ...changesBetween(dossier, next), ...written },
  };
  if (milestone !== undefined) event.milestone = milestone;
  const effects: PendingEffect[] = [];
  for (let index = 0; index < transition.runtimeEffects.length; index++) {
    const effect = transition.runtimeEffects[index] as Effect;
    if (transition.conditionalEffects && !holds(effect)) continue;
    const pending: PendingEffect = {
      effect: transition.conditionalEffects ? withoutCondition(effect) : effect,
      transition: id,
      dossierId: dossier.id,
    };
    const unit = unitsAfter?.[transition.runtimeEffectPlaces[index] ?? 0];
    if (unit !== undefined && unit !== next.unit) pending.unit = unit;
    effects.push(pending);
  }
  return ok({ dossier: next, events: [event], effects });
}

/**
 * The due date in the target state: its `sla` from the entry, or from the milestone its
 * `slaSince` names once the dossier has it (a legal deadline that crosses states).
 */
function dueAtOf(
  target: CompiledState,
  milestones: DossierSnapshot['milestones'],
  now: Date,
): string | null {
  if (target.sla === null) return null;
  const since = target.definition.slaSince;
  const from = since === undefined ? undefined : milestones?.[since];
  return target.sla.addTo(from === undefined ? now : new Date(from)).toISOString();
}

/**
 * Whether an effect's `when` holds on the data and the transition's input. An expression
 * that cannot run (the linter refuses them at publish) counts as false: an unwanted mail
 * is worse than a missing one, which the agent sees in the history.
 */
function conditionHolds(
  when: unknown,
  context: ExpressionContext,
  input: Record<string, unknown>,
): boolean {
  const result = evaluateExpression(when, { data: context.data, today: context.today, input });
  return result.ok && truthy(result.value);
}

/** The effect as the runtime performs it: its condition was settled here. */
function withoutCondition(effect: Effect): Effect {
  const { when: _settled, ...action } = effect;
  return action as Effect;
}

/** Whether `transition` may leave a state of this kind and id (final states excluded). */
function leaves(transition: CompiledTransition, kind: string, state: string): boolean {
  return transition.from === null ? kind === 'active' : transition.from.has(state);
}

/** Before/after of the dossier fields besides the state that a transition may change. */
function changesBetween(before: DossierSnapshot, after: DossierSnapshot): DossierEvent['changes'] {
  const changes: DossierEvent['changes'] = {};
  if (before.unit !== after.unit) changes['unit'] = { before: before.unit, after: after.unit };
  if (before.assigneeId !== after.assigneeId) {
    changes['assigneeId'] = { before: before.assigneeId, after: after.assigneeId };
  }
  if (before.dueAt !== after.dueAt) changes['dueAt'] = { before: before.dueAt, after: after.dueAt };
  if (before.priority !== after.priority) {
    changes['priority'] = { before: before.priority, after: after.priority };
  }
  // Fields dropped with their hidden page: `data.<field>`, never a snapshot column's name.
  if (before.data !== after.data) {
    for (const [field, value] of Object.entries(before.data)) {
      if (!Object.hasOwn(after.data, field))
        changes[`data.${field}`] = { before: value, after: null };
    }
  }
  return changes;
}
