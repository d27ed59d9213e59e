import type { ErrorObject } from 'ajv';
import { errorFieldPath } from './errorFieldPath.ts';
import { fieldErrorMessage } from './fieldErrorMessage.ts';

/** French messages keyed by field path (`adresse.codePostal`; `''` for the whole form). */
export type FieldErrors = Record<string, string[]>;

/**
 * Groups ajv errors by field path with French messages, so a form can put each message
 * beside its field (the tree rjsf's `ErrorSchemaBuilder` builds, flattened). Array items
 * are numbered: `enfants.0.prenom`.
 *
 * `if` errors are dropped: ajv adds one on top of the `then`/`else` error that already
 * names the field, and « must match "then" schema » means nothing to a citizen.
 *
 * @example
 * validate({ adresse: {}, revenuMensuel: 2000 });
 * ajvErrorsToFieldErrors(validate.errors);
 * // { 'adresse.codePostal': ['Ce champ est obligatoire.'],
 * //   revenuMensuel: ['La valeur doit être inférieure ou égale à 1 500.'] }
 */
export function ajvErrorsToFieldErrors(
  errors: readonly ErrorObject[] | null | undefined,
): FieldErrors {
  // A Map, then own properties: a field named `__proto__` must stay a plain key.
  const fields = new Map<string, string[]>();
  for (const error of errors ?? []) {
    if (error.keyword === 'if') continue;
    const path = errorFieldPath(error).join('.');
    const message = fieldErrorMessage(error);
    const messages = fields.get(path);
    if (messages === undefined) fields.set(path, [message]);
    else if (!messages.includes(message)) messages.push(message);
  }
  return Object.fromEntries(fields);
}
