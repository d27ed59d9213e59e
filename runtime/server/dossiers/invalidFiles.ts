import type { FieldErrors } from '../../../shared/form/index.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * The refusal of a submission whose form is valid but names files it may not
 * (`checkAttachedFiles`), with a message beside each file field.
 *
 * @example
 * invalidFiles({ justificatif: ['Ce fichier est introuvable : joignez-le de nouveau.'] }, 'deposer');
 */
export function invalidFiles(fieldErrors: FieldErrors, transition: string): DomainError {
  return {
    code: 'INVALID_DATA',
    message: 'Le formulaire comporte des erreurs : corrigez les champs signalés.',
    fieldErrors,
    details: { transition },
  };
}

/**
 * The engine's refusal of an invalid form, with the file errors added beside the others,
 * so the citizen sees every problem at once; any other refusal is left as it is (the
 * files are not what stops it).
 *
 * @example
 * withFileErrors(engineErrorToDomain(applied.error, definition), fileErrors);
 */
export function withFileErrors(error: DomainError, fileErrors: FieldErrors): DomainError {
  if (error.code !== 'INVALID_DATA' || Object.keys(fileErrors).length === 0) return error;
  const merged: Record<string, string[]> = { ...error.fieldErrors };
  for (const [field, messages] of Object.entries(fileErrors)) {
    merged[field] = [...(merged[field] ?? []), ...messages];
  }
  return { ...error, fieldErrors: merged };
}
