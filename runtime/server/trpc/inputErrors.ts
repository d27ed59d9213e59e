import { z } from 'zod';

// Input validation messages reach people (a form shows them beside its fields): French.
z.config(z.locales.fr());

/**
 * Field errors from a procedure's rejected input, keyed by dotted path (`''` for the
 * object itself, e.g. an unexpected key), or null when the cause is not a zod error.
 *
 * @example
 * inputFieldErrors(error.cause) // { email: ['Entrée invalide : …'], '': ['Clé non reconnue : "state"'] }
 */
export function inputFieldErrors(cause: unknown): Record<string, string[]> | null {
  if (!(cause instanceof z.ZodError)) return null;
  const errors: Record<string, string[]> = {};
  for (const issue of cause.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}
