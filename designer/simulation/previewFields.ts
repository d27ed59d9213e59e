import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { formOutline } from '../editing/index.ts';

/**
 * The fields the preview lays out, in the builder's order: the form's own fields, plus
 * those a condition declares (`then: { properties: { conjoint: … } }`) that a page asks
 * for — RJSF shows them once their condition holds, as the citizen app does on that
 * page; each goes after the field its page asks just before it. Fields of the pages the
 * answers hide (`hidden`) are left out.
 *
 * @example
 * previewFields(definition, new Set());
 * // ['situation', 'conjoint', 'revenu'] — 'conjoint' declared only in a `then`
 */
export function previewFields(
  definition: DemarcheDefinition,
  hidden: ReadonlySet<string>,
): string[] {
  const fields = formOutline(definition).flatMap((item) =>
    item.kind === 'field' ? [item.name] : [],
  );
  const placed = new Set(fields);
  const pages = Array.isArray(definition.form.pages) ? definition.form.pages : [];
  for (const page of pages) {
    const asked = Array.isArray(page.fields) ? page.fields : [];
    asked.forEach((name, index) => {
      if (typeof name !== 'string' || placed.has(name)) return;
      const previous = asked.slice(0, index).findLast((other) => placed.has(other));
      const next = asked.slice(index + 1).find((other) => placed.has(other));
      const at =
        previous !== undefined
          ? fields.indexOf(previous) + 1
          : next !== undefined
            ? fields.indexOf(next)
            : fields.length;
      fields.splice(at, 0, name);
      placed.add(name);
    });
  }
  return fields.filter((name) => !hidden.has(name));
}
