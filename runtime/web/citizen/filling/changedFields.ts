/**
 * What an autosave sends: the top-level answers that differ from the last saved ones,
 * and `null` for the ones cleared since (the server keeps fields it is not sent).
 *
 * @example
 * changedFields({ nom: 'Dupont', email: 'a@b.fr' }, { nom: 'Durand' });
 * // { nom: 'Durand', email: null }
 */
export function changedFields(
  saved: Readonly<Record<string, unknown>>,
  current: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(current)) {
    if (JSON.stringify(saved[field]) !== JSON.stringify(value)) changes[field] = value;
  }
  for (const field of Object.keys(saved)) {
    if (!(field in current) && saved[field] !== null) changes[field] = null;
  }
  return changes;
}
