import type { ErrorObject } from 'ajv';
import { errorLocation, escapePointerSegment } from './errorLocation.ts';
import { frenchMessage } from './frenchMessage.ts';
import type { GuardFailure } from './types.ts';

/**
 * Turns ajv errors of a guard (or of the form, when a transition validates it) into
 * guard failures: a JSON pointer into the dossier data, the failing keyword, a French
 * message. The UI uses them to explain why an action is blocked.
 *
 * @example
 * guard({ revenuMensuel: 2000 });
 * ajvErrorsToGuardFailures(guard.errors);
 * // [{ field: '/revenuMensuel', rule: 'maximum',
 * //    message: 'La valeur doit être inférieure ou égale à 1 500.' }]
 */
export function ajvErrorsToGuardFailures(
  errors: readonly ErrorObject[] | null | undefined,
): GuardFailure[] {
  const failures: GuardFailure[] = [];
  if (!errors) return failures;
  for (const error of errors) {
    // Same reason as for field errors: the nested `then` error already names the field.
    if (error.keyword === 'if') continue;
    const segments = errorLocation(error);
    const field = segments.length === 0 ? '' : `/${segments.map(escapePointerSegment).join('/')}`;
    failures.push({ field, rule: error.keyword, message: frenchMessage(error) });
  }
  return failures;
}
