import type { DemarcheDefinition } from '../definition/types.ts';
import { ajvErrorsToGuardFailures } from './ajvErrorsToGuardFailures.ts';
import { checkGuard } from './checkGuard.ts';
import { checkPermission } from './checkPermission.ts';
import { type CompiledTransition, compileDefinition } from './compileDefinition.ts';
import type { CompiledSchemas } from './compileSchemas.ts';
import { checkSubmission } from './submissionCheck.ts';
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
    const blockedBy = blockers(transition, compiled.schemas, dossier);
    actions.push(
      blockedBy.length === 0
        ? { transition: id, label, to }
        : { transition: id, label, to, blockedBy },
    );
  }
  return actions;
}

/** Why an action whose stored guard cannot run is unavailable (`compileGuard`). */
const BROKEN_GUARD: GuardFailure = {
  field: '',
  rule: 'brokenGuard',
  message:
    'La condition de cette action ne peut pas être vérifiée (elle est mal écrite dans la version publiée de la démarche) : prévenez l’administrateur de la démarche.',
};

/** What keeps a permitted transition from firing on this data: form errors, then guard. */
function blockers(
  transition: CompiledTransition,
  schemas: CompiledSchemas,
  dossier: DossierSnapshot,
): GuardFailure[] {
  const failures: GuardFailure[] = [];
  let data = dossier.data;
  if (transition.definition.validateForm === true) {
    const checked = checkSubmission(schemas, dossier.data);
    failures.push(...ajvErrorsToGuardFailures(checked.errors));
    data = checked.data;
  }
  // No input yet: what the actor will type is checked when the action is fired.
  const verdict = checkGuard(transition, { ...dossier, data }, null);
  if (verdict?.kind === 'fail') failures.push(...verdict.failures);
  if (verdict?.kind === 'broken') failures.push(BROKEN_GUARD);
  return failures;
}
