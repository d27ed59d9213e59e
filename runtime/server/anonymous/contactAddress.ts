import type { DemarcheDefinition } from '../../../shared/definition/types.ts';

/**
 * The address to mail a dossier without an account: the answer of the first top-level
 * field of the form declared `format: email` (in the schema's order) that holds a valid
 * address by `isAddress`; null when none does. A visitor gives no other address.
 *
 * @example
 * contactAddress(definition, { nom: 'Martin', email: 'claire@example.fr' }, fieldAddress);
 * // 'claire@example.fr'
 */
export function contactAddress(
  definition: DemarcheDefinition,
  answers: Record<string, unknown>,
  isAddress: (data: Record<string, unknown>, field: string) => string | null,
): string | null {
  const properties = (definition.form.schema as { properties?: Record<string, unknown> })
    .properties;
  for (const [field, schema] of Object.entries(properties ?? {})) {
    if ((schema as { format?: unknown } | null)?.format !== 'email') continue;
    const address = isAddress(answers, field);
    if (address !== null) return address;
  }
  return null;
}
