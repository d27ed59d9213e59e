import type { ErrorObject } from 'ajv';
import { errorLocation } from './errorLocation.ts';
import { frenchMessage } from './frenchMessage.ts';
import type { FieldErrors } from './types.ts';

/**
 * Groups ajv errors by field path (`revenuMensuel`, `adresse.codePostal`; `''` for the
 * whole object) with French messages, so a form can show each beside its field.
 *
 * `if` errors are dropped: ajv adds one on top of the `then`/`else` error that already
 * names the field, and "must match then schema" means nothing to a citizen.
 *
 * @example
 * validate(data);
 * ajvErrorsToFieldErrors(validate.errors);
 * // { email: ['L’adresse électronique n’est pas valide.'], nom: ['Ce champ est obligatoire.'] }
 */
export function ajvErrorsToFieldErrors(
  errors: readonly ErrorObject[] | null | undefined,
): FieldErrors {
  const fields: FieldErrors = {};
  if (!errors) return fields;
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const path = errorLocation(error).join('.');
    const message = frenchMessage(error);
    const messages = fields[path];
    if (messages === undefined) fields[path] = [message];
    else if (!messages.includes(message)) messages.push(message);
  }
  return fields;
}
