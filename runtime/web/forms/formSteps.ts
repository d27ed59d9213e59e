import type { FormPage, JsonSchema, UiSchema } from '../../../shared/definition/types.ts';

/** The step of a form without `pages`: every field, in `ui:order`. Its id is empty: nothing to check on the server. */
export const WHOLE_FORM_STEP = '';

/**
 * The steps the citizen goes through: the definition's pages, or one step holding every
 * field in `ui:order` (then the rest) when it has none.
 *
 * @example
 * formSteps(schema, uiSchema, null); // [{ id: '', title: 'Votre demande', fields: ['nom', …] }]
 */
export function formSteps(
  schema: JsonSchema,
  uiSchema: UiSchema | null,
  pages: FormPage[] | null,
): FormPage[] {
  if (pages && pages.length > 0) return pages;
  const properties =
    typeof schema === 'object' && typeof schema['properties'] === 'object' && schema['properties']
      ? Object.keys(schema['properties'])
      : [];
  const order = Array.isArray(uiSchema?.['ui:order']) ? (uiSchema['ui:order'] as string[]) : [];
  const ordered = order.filter((name) => properties.includes(name));
  const rest = properties.filter((name) => !ordered.includes(name));
  return [{ id: WHOLE_FORM_STEP, title: 'Votre demande', fields: [...ordered, ...rest] }];
}
