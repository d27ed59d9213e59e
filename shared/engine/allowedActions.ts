import type { ValidateFunction } from 'ajv';
import type { DemarcheDefinition } from '../definition/types.ts';
import { ajvErrorsToGuardFailures } from './ajvErrorsToGuardFailures.ts';
import { checkPermission } from './checkPermission.ts';
import { type CompiledTransition, compileDefinition } from './compileDefinition.ts';
import type { Actor, AllowedAction, DossierSnapshot, GuardFailure } from './types.ts';

/**
 * The transitions `actor` may fire on `dossier` now, in definition order: those of the
 * current state, plus the global ones (`from: '*'`) when the state is active. Timer-only
 * transitions (`by: ['system']`) appear only for `SYSTEM_ACTOR`.
 *
 * An action the actor may fire but the data does not allow yet stays in the list with
 * `blockedBy`, so the UI can say why instead of hiding the button: guard failures, and
 * form errors for transitions that validate the form. Input schemas are not checked —
 * the actor fills that form when firing.
 *
 * @example
 * allowedActions(socialAidDefinition, dossier, agent);
 * // [{ transition: 'demander_complement', label: 'Demander un complément', to: 'complement' },
 * //  { transition: 'accepter', label: 'Accepter', to: 'accepte', blockedBy: [
 * //    { field: '/revenuMensuel', rule: 'maximum', message: '…' }] }, …]
 */
export function allowedActions(
  definition: DemarcheDefinition,
  dossier: DossierSnapshot,
  actor: Actor,
): AllowedAction[] {
  const compiled = compileDefinition(definition);
  const state = compiled.states.get(dossier.state);
  if (state === undefined) return [];
  const actions: AllowedAction[] = [];
  for (const transition of state.outgoing) {
    if (checkPermission(transition, dossier, actor) !== null) continue;
    const { id, label, to } = transition.definition;
    const blockedBy = blockers(transition, compiled.schemas.form, dossier.data);
    actions.push(
      blockedBy.length === 0
        ? { transition: id, label, to }
        : { transition: id, label, to, blockedBy },
    );
  }
  return actions;
}

/** What keeps a permitted transition from firing on this data: form errors, then guard. */
function blockers(
  transition: CompiledTransition,
  form: ValidateFunction,
  data: Record<string, unknown>,
): GuardFailure[] {
  const failures: GuardFailure[] = [];
  if (transition.definition.validateForm === true && !form(data)) {
    failures.push(...ajvErrorsToGuardFailures(form.errors));
  }
  const guard = transition.guard;
  if (guard !== null && !guard(data)) failures.push(...ajvErrorsToGuardFailures(guard.errors));
  return failures;
}
