import type { DemarcheDefinition } from '../definition/types.ts';
import { ajvErrorsToFieldErrors } from '../form/index.ts';
import { err, ok, type Result } from '../result.ts';
import { ajvErrorsToGuardFailures } from './ajvErrorsToGuardFailures.ts';
import { applySnapshotEffects } from './applySnapshotEffects.ts';
import { checkInput, EMPTY_INPUT } from './checkInput.ts';
import { checkPermission } from './checkPermission.ts';
import { type CompiledTransition, compileDefinition } from './compileDefinition.ts';
import { routeCompiled } from './routeDossier.ts';
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
 * permission, input, form (`validateForm`), guard.
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
  const form = compiled.schemas.form;
  if (transition.definition.validateForm === true && !form(dossier.data)) {
    return err({
      code: 'INVALID_DATA',
      transition: id,
      errors: ajvErrorsToFieldErrors(form.errors),
    });
  }
  const guard = transition.guard;
  if (guard !== null && !guard(dossier.data)) {
    return err({
      code: 'GUARD_FAILED',
      transition: id,
      failures: ajvErrorsToGuardFailures(guard.errors),
    });
  }

  const at = now.toISOString();
  const target = transition.to;
  const next: DossierSnapshot = {
    ...dossier,
    state: target.definition.id,
    revision: dossier.revision + 1,
    enteredStateAt: at,
    dueAt: target.sla === null ? null : target.sla.addTo(now).toISOString(),
  };
  // A dossier leaving its draft is new to the back office: the routing rules give it a
  // unit even when the submit transition lists no `route` effect.
  if (
    next.unit === null &&
    state.definition.kind === 'draft' &&
    target.definition.kind !== 'draft'
  ) {
    next.unit = routeCompiled(compiled, next.data);
  }
  if (transition.snapshotEffects.length > 0) {
    applySnapshotEffects(next, transition.snapshotEffects, { compiled, actor, now });
  }
  const event: DossierEvent = {
    type: 'transition',
    transition: id,
    from: dossier.state,
    to: next.state,
    actorId: actor.id,
    at,
    input: given,
    changes: changesBetween(dossier, next),
  };
  const effects: PendingEffect[] = [];
  for (const effect of transition.runtimeEffects) {
    effects.push({ effect, transition: id, dossierId: dossier.id });
  }
  return ok({ dossier: next, events: [event], effects });
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
  return changes;
}
