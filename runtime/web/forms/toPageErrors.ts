import type { PageError } from './pageErrors.ts';

/**
 * The server's messages keyed by field path (`revenuMensuel`, `enfants.0.nom`,
 * `/enfants/0/nom`) as the step's errors, linked to their inputs.
 *
 * @example
 * toPageErrors({ revenuMensuel: ['Le revenu doit être positif.'] });
 * // [{ path: ['revenuMensuel'], inputId: 'root_revenuMensuel', message: 'Le revenu doit être positif.' }]
 */
export function toPageErrors(fieldErrors: Readonly<Record<string, string[]>>): PageError[] {
  const errors: PageError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const path = key
      .replace(/^\//, '')
      .split(/[./]/)
      .filter((segment) => segment !== '')
      .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
    for (const message of messages) {
      errors.push({ path, inputId: ['root', ...path].join('_'), message });
    }
  }
  return errors;
}
