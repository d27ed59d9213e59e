import { isDeepStrictEqual } from 'node:util';

export interface MergedDraft {
  /** The form data once the sent fields are applied. */
  data: Record<string, unknown>;
  /** Top-level fields whose value the save changes, sorted: exactly what is written. */
  changed: string[];
}

/**
 * What an autosave writes: the stored data with the SENT top-level fields applied, and
 * nothing else touched. A field absent from `sent` keeps its stored value (a page saves
 * its own fields without wiping the others'); `null` clears it; any other value replaces
 * it whole — a repeated group (a list) or a nested object is replaced, never merged item by
 * item, so removing a line of a list is saving the shorter list.
 *
 * @example
 * mergeDraft({ nom: 'Martin', prenom: 'Claire' }, { nom: 'Durand', prenom: null });
 * // { data: { nom: 'Durand' }, changed: ['nom', 'prenom'] }
 */
export function mergeDraft(
  stored: Readonly<Record<string, unknown>>,
  sent: Readonly<Record<string, unknown>>,
): MergedDraft {
  const data: Record<string, unknown> = { ...stored };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(sent)) {
    if (value === null) delete data[field];
    else data[field] = value;
    if (!isDeepStrictEqual(stored[field], data[field])) changed.push(field);
  }
  return { data, changed: changed.sort() };
}
