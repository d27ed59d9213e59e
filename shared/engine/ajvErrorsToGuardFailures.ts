import type { ErrorObject } from 'ajv';
import { errorFieldPath, fieldErrorMessage } from '../form/index.ts';
import type { GuardFailure } from './types.ts';

/**
 * Turns ajv errors of a guard (or of the form, when a transition validates it) into
 * guard failures: a JSON pointer into the dossier data, the failing keyword, a French
 * message. The UI uses them to explain why an action is blocked. Field and message are
 * those of `shared/form`, so a failure reads as the form would show it.
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
  for (const error of errors ?? []) {
    // As for field errors: the nested `then` error already names the field.
    if (error.keyword === 'if') continue;
    const field = errorFieldPath(error)
      .map((segment) => `/${escapePointerSegment(segment)}`)
      .join('');
    failures.push({ field, rule: error.keyword, message: fieldErrorMessage(error) });
  }
  return failures;
}

/** RFC 6901: `~` becomes `~0` first, then `/` becomes `~1`. */
function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
