import type { DemarcheDefinition } from '../../shared/definition/index.ts';

/** A section id not used yet: `section-1`, `section-2`, … */
export function uniqueSectionId(definition: DemarcheDefinition): string {
  const taken = new Set((definition.form.sections ?? []).map((section) => section.id));
  let index = 1;
  while (taken.has(`section-${index}`)) index += 1;
  return `section-${index}`;
}
