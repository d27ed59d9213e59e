import type { DemarcheDefinition, FormSection } from '../../shared/definition/index.ts';

/** One line of the form builder's list: a field, or a section heading above fields. */
export type OutlineItem = { kind: 'field'; name: string } | { kind: 'section'; id: string };

/**
 * The form as the builder lists it, in reading order: the fields in no section first,
 * then each section (in `form.sections` order) as a heading followed by its fields.
 * Field order comes from `uiSchema['ui:order']` (fields it does not name follow in the
 * schema's order), as RJSF renders them. Names a section lists but the schema lacks are
 * skipped, and a field listed by two sections shows under the first.
 *
 * @example
 * formOutline(definition);
 * // [{ kind: 'section', id: 'identite' }, { kind: 'field', name: 'nom' }, …]
 */
export function formOutline(definition: DemarcheDefinition): OutlineItem[] {
  const fields = orderedFieldNames(definition);
  const placed = new Set<string>();
  const sections = sectionsOf(definition).map((section) => {
    const listed = new Set(Array.isArray(section.fields) ? section.fields : []);
    const own = fields.filter((name) => listed.has(name) && !placed.has(name));
    for (const name of own) placed.add(name);
    return { id: section.id, own };
  });
  const outline: OutlineItem[] = fields
    .filter((name) => !placed.has(name))
    .map((name) => ({ kind: 'field', name }));
  for (const section of sections) {
    outline.push({ kind: 'section', id: section.id });
    for (const name of section.own) outline.push({ kind: 'field', name });
  }
  return outline;
}

/**
 * Writes an outline back: `ui:order` lists the fields in outline order, each section
 * keeps its other properties and gets the fields under its heading, sections take the
 * outline's order. Fields before the first heading belong to no section.
 *
 * @example
 * withOutline(definition, moved(formOutline(definition), 3, 0));
 */
export function withOutline(
  definition: DemarcheDefinition,
  outline: readonly OutlineItem[],
): DemarcheDefinition {
  const byId = new Map(sectionsOf(definition).map((section) => [section.id, section]));
  const order: string[] = [];
  const sections: FormSection[] = [];
  let current: FormSection | undefined;
  for (const item of outline) {
    if (item.kind === 'section') {
      const section = byId.get(item.id);
      if (section === undefined) continue;
      current = { ...section, fields: [] };
      sections.push(current);
    } else {
      order.push(item.name);
      current?.fields.push(item.name);
    }
  }
  const form = definition.form;
  const uiSchema = { ...(form.uiSchema ?? {}), 'ui:order': order };
  const next = { ...form, uiSchema };
  if (sections.length > 0 || form.sections !== undefined) next.sections = sections;
  return { ...definition, form: next };
}

/** The names of the form's fields in the order RJSF shows them. */
export function orderedFieldNames(definition: DemarcheDefinition): string[] {
  const names = Object.keys(propertiesOf(definition));
  const order = definition.form?.uiSchema?.['ui:order'];
  if (!Array.isArray(order)) return names;
  const known = new Set(names);
  // One pass with a set: `indexOf` per name was quadratic (810,000 steps at 900 fields,
  // at every keystroke in the builder).
  const listed = new Set<string>();
  for (const name of order) {
    if (typeof name === 'string' && known.has(name)) listed.add(name);
  }
  return [...listed, ...names.filter((name) => !listed.has(name))];
}

/** `form.schema.properties`, or an empty object while the schema is not an object yet. */
export function propertiesOf(definition: DemarcheDefinition): Record<string, unknown> {
  const schema = definition.form?.schema;
  if (typeof schema !== 'object' || schema === null) return {};
  const properties = schema['properties'];
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties)
    ? (properties as Record<string, unknown>)
    : {};
}

/** `form.sections` that have a string id (the rest cannot be edited from the outline). */
export function sectionsOf(definition: DemarcheDefinition): FormSection[] {
  const sections = definition.form?.sections;
  if (!Array.isArray(sections)) return [];
  return sections.filter(
    (section): section is FormSection =>
      typeof section === 'object' && section !== null && typeof section.id === 'string',
  );
}
