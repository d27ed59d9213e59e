import type { UiSchema } from '../../../shared/definition/types.ts';
import { FILE_FIELD } from './formTheme.ts';

type SchemaObject = { [keyword: string]: unknown };

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The UI schema with every file field (`x-file`, repeated groups included) rendered by
 * our file field: RJSF would otherwise draw a list of text inputs for the ids.
 *
 * @example
 * withFileFields(schema, {}); // { avisImposition: { 'ui:field': 'fichiers' } }
 */
export function withFileFields(schema: unknown, ui: UiSchema): UiSchema {
  if (!isObject(schema)) return ui;
  if (schema['x-file'] !== undefined) return { ...ui, 'ui:field': FILE_FIELD };
  const result: UiSchema = { ...ui };
  if (isObject(schema['properties'])) {
    for (const [name, property] of Object.entries(schema['properties'])) {
      const inner = withFileFields(property, isObject(ui[name]) ? (ui[name] as UiSchema) : {});
      if (Object.keys(inner).length > 0) result[name] = inner;
    }
  }
  if (isObject(schema['items'])) {
    const items = withFileFields(
      schema['items'],
      isObject(ui['items']) ? (ui['items'] as UiSchema) : {},
    );
    if (Object.keys(items).length > 0) result['items'] = items;
  }
  return result;
}
