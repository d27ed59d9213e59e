import type { FormSection } from '../../../shared/definition/types.ts';

/** A run of fields of one step rendered as one small form. */
export interface FieldGroup {
  id: string;
  /** The section's title (the group's legend), or null for fields outside any section. */
  title: string | null;
  fields: string[];
}

/**
 * Splits a step's fields into groups: consecutive fields of one section share its title;
 * fields outside every section form untitled groups. Order is the step's.
 *
 * @example
 * pageGroups(['nom', 'prenom', 'revenu'], [{ id: 'identite', title: 'Identité', fields: ['nom', 'prenom'] }]);
 * // [{ id: 'identite', title: 'Identité', fields: ['nom', 'prenom'] }, { id: 'champs-2', title: null, fields: ['revenu'] }]
 */
export function pageGroups(
  fields: readonly string[],
  sections: readonly FormSection[] | null,
): FieldGroup[] {
  const sectionOf = new Map<string, FormSection>();
  for (const section of sections ?? []) {
    for (const field of section.fields) if (!sectionOf.has(field)) sectionOf.set(field, section);
  }
  const groups: FieldGroup[] = [];
  for (const [index, field] of fields.entries()) {
    const section = sectionOf.get(field);
    const last = groups[groups.length - 1];
    const id = section?.id ?? `champs-${index}`;
    if (last && (section ? last.id === section.id : last.title === null)) {
      last.fields.push(field);
    } else {
      groups.push({ id, title: section?.title ?? null, fields: [field] });
    }
  }
  return groups;
}
