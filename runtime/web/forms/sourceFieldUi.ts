import type { UiSchema } from '../../../shared/definition/types.ts';

/** A data source as the browser knows it: a static list's options, or null (searched). */
export interface FormSource {
  id: string;
  /** A static list: shown as a select. Null: searched through the API as the citizen types. */
  options: Array<{ value: string; label: string }> | null;
}

type SchemaObject = { [keyword: string]: unknown };

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name under which sourced fields are drawn (`ui:widget`). */
export const SOURCE_WIDGET = 'source';

/**
 * The UI schema with every field carrying `x-source` (repeated groups included) drawn by
 * our source widget, told which source and, for a static list, its options: a static
 * list stays a select, a table or a URL source becomes a combobox that searches through
 * the API.
 *
 * @example
 * withSourcedFields(schema, {}, [{ id: 'communes', options: null }]);
 * // { commune: { 'ui:widget': 'source', 'ui:options': { source: 'communes', sourceOptions: null } } }
 */
export function withSourcedFields(
  schema: unknown,
  ui: UiSchema,
  sources: readonly FormSource[],
): UiSchema {
  if (!isObject(schema) || sources.length === 0) return ui;
  const source = schema['x-source'];
  if (typeof source === 'string') {
    const options = sources.find((known) => known.id === source)?.options ?? null;
    const uiOptions = isObject(ui['ui:options']) ? ui['ui:options'] : {};
    return {
      ...ui,
      'ui:widget': SOURCE_WIDGET,
      'ui:options': { ...uiOptions, source, sourceOptions: options },
    };
  }
  const result: UiSchema = { ...ui };
  if (isObject(schema['properties'])) {
    for (const [name, property] of Object.entries(schema['properties'])) {
      const inner = withSourcedFields(
        property,
        isObject(ui[name]) ? (ui[name] as UiSchema) : {},
        sources,
      );
      if (Object.keys(inner).length > 0) result[name] = inner;
    }
  }
  if (isObject(schema['items'])) {
    const items = withSourcedFields(
      schema['items'],
      isObject(ui['items']) ? (ui['items'] as UiSchema) : {},
      sources,
    );
    if (Object.keys(items).length > 0) result['items'] = items;
  }
  return result;
}
