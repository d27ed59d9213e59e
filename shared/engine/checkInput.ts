import type { ValidateFunction } from 'ajv';
import { ajvErrorsToFieldErrors, type FieldErrors } from '../form/index.ts';

/** The input of a transition fired without one. Frozen: events share it. */
export const EMPTY_INPUT: Record<string, unknown> = Object.freeze({});

/**
 * Checks the input an actor gives with a transition: `null` when it is acceptable, else
 * the errors by field. Without an input schema only `{}` (or nothing) is accepted, so
 * stray data never lands in the event log unchecked.
 *
 * @example
 * checkInput(refuserSchema, { motif: 'court' });
 * // { motif: ['Ce champ doit contenir au moins 10 caractères.'] }
 */
export function checkInput(
  schema: ValidateFunction | null,
  input: Record<string, unknown>,
): FieldErrors | null {
  if (schema !== null) return schema(input) ? null : ajvErrorsToFieldErrors(schema.errors);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { '': ['Cette action n’attend aucune saisie.'] };
  }
  let unexpected: Array<[string, string[]]> | null = null;
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    unexpected ??= [];
    unexpected.push([key, ['Ce champ n’est pas attendu.']]);
  }
  // Entries, not `errors[key] =`: a field named `__proto__` must stay a plain key.
  return unexpected === null ? null : Object.fromEntries(unexpected);
}
