import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import type { EngineError, FieldErrors, GuardFailure } from '../../../shared/engine/index.ts';
import { TRANSITION_RULE } from '../../../shared/engine/index.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * The one place engine errors become what users read: the stable code is kept (the
 * domain-error table maps it to a tRPC code), the message is French, and form problems
 * come back keyed by field so the form can show each beside its field.
 *
 * @example
 * engineErrorToDomain({ code: 'NOT_ALLOWED', transition: 'accepter', reason: 'role' }, def);
 * // { code: 'NOT_ALLOWED', message: 'Vous n’avez pas le droit de faire « Accepter » …' }
 */
export function engineErrorToDomain(
  error: EngineError,
  definition: DemarcheDefinition,
): DomainError {
  switch (error.code) {
    case 'UNKNOWN_TRANSITION':
      return { code: error.code, message: 'Cette action n’existe pas pour cette démarche.' };
    case 'FINAL_STATE':
      return { code: error.code, message: 'Ce dossier est clôturé : il ne peut plus changer.' };
    case 'NOT_FROM_STATE':
      return {
        code: error.code,
        message: `L’action « ${label(definition, error.transition)} » n’est pas possible dans l’état actuel du dossier.`,
        details: { transition: error.transition, state: error.state },
      };
    case 'NOT_ALLOWED':
      return {
        code: error.code,
        message: `Vous n’avez pas le droit de faire « ${label(definition, error.transition)} » sur ce dossier.`,
        details: { transition: error.transition, reason: error.reason },
      };
    case 'GUARD_FAILED':
      return {
        code: error.code,
        // The admin's own sentence (`guardMessage`) says why better than a generic one.
        // A failing rule of the transition carries its own sentence, the guard its own.
        message:
          error.failures.find((failure) => failure.rule === TRANSITION_RULE)?.message ??
          guardMessage(definition, error.transition) ??
          `« ${label(definition, error.transition)} » est impossible tant que ces conditions ne sont pas remplies.`,
        fieldErrors: failuresByField(error.failures),
        details: { transition: error.transition, failures: error.failures },
      };
    case 'GUARD_BROKEN':
      return {
        code: error.code,
        message: `« ${label(definition, error.transition)} » est indisponible : sa condition est mal écrite dans la version publiée de la démarche. Prévenez l’administrateur de la démarche.`,
        details: { transition: error.transition },
      };
    case 'INVALID_INPUT':
      return {
        code: error.code,
        message: 'Certains champs de l’action sont manquants ou invalides.',
        fieldErrors: error.errors,
        details: { transition: error.transition },
      };
    case 'INVALID_DATA':
      return {
        code: error.code,
        message: 'Le formulaire comporte des erreurs : corrigez les champs signalés.',
        fieldErrors: error.errors,
        details: { transition: error.transition },
      };
    case 'STALE_REVISION':
      return staleRevision(error.expected, error.actual);
  }
}

/** The dossier changed since the caller loaded it; nothing was written. */
export function staleRevision(expected: number, actual: number): DomainError {
  return {
    code: 'STALE_REVISION',
    message:
      'Le dossier a été modifié entre-temps par quelqu’un d’autre. Rechargez-le pour voir la dernière version.',
    details: { expectedRevision: expected, currentRevision: actual },
  };
}

function label(definition: DemarcheDefinition, transition: string): string {
  return definition.workflow.transitions.find((t) => t.id === transition)?.label ?? transition;
}

function guardMessage(definition: DemarcheDefinition, transition: string): string | undefined {
  return definition.workflow.transitions.find((t) => t.id === transition)?.guardMessage;
}

/** `/revenuMensuel` → `revenuMensuel`, the key format of form field errors. */
function failuresByField(failures: readonly GuardFailure[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const failure of failures) {
    const path = failure.field
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .join('.');
    const messages = fields[path];
    if (messages === undefined) fields[path] = [failure.message];
    else messages.push(failure.message);
  }
  return fields;
}
