import type { ValidateFunction } from 'ajv';
import type { DemarcheDefinition, JsonSchema } from '../../../shared/definition/types.ts';
import { createFormAjv, FILE_FIELD_KEYWORD } from '../../../shared/form/index.ts';

// One compiled check per published definition object (immutable, cached by
// `publishedDefinition`), so autosaves never recompile.
const cache = new WeakMap<DemarcheDefinition, ValidateFunction>();

/**
 * The check an autosave runs: only the SHAPE of the answers — each known field has the
 * type the form declares, nested objects and lists too, no field the form does not
 * know, and no more files than a file field takes. Required fields, lengths, formats and conditions wait for the submission, which
 * validates the full form: a half-filled draft must save.
 *
 * @example
 * const validate = draftValidator(socialAidDefinition);
 * validate({ nom: 'Dupont' }); // true: incomplete is fine
 * validate({ revenuMensuel: 'beaucoup' }); // false: not a number
 */
export function draftValidator(definition: DemarcheDefinition): ValidateFunction {
  let validate = cache.get(definition);
  if (validate === undefined) {
    const schema = shapeOf(definition.form.schema);
    validate = createFormAjv().compile(
      typeof schema === 'object' ? { ...schema, additionalProperties: false } : schema,
    );
    cache.set(definition, validate);
  }
  return validate;
}

/** A schema reduced to its types: `type`, `properties` and `items`, recursively. */
function shapeOf(schema: JsonSchema): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  const shape: Record<string, unknown> = {};
  if (schema['type'] !== undefined) shape['type'] = schema['type'];
  // A file field keeps its options (its value: attachment ids) and its largest count: a
  // draft never holds more files than the field takes.
  if (schema[FILE_FIELD_KEYWORD] !== undefined) {
    shape[FILE_FIELD_KEYWORD] = schema[FILE_FIELD_KEYWORD];
    if (schema['maxItems'] !== undefined) shape['maxItems'] = schema['maxItems'];
  }
  const properties = schema['properties'];
  if (isRecord(properties)) {
    shape['properties'] = Object.fromEntries(
      Object.entries(properties).map(([name, child]) => [name, shapeOf(child as JsonSchema)]),
    );
  }
  const items = schema['items'];
  if (isRecord(items) || typeof items === 'boolean') shape['items'] = shapeOf(items as JsonSchema);
  return shape;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
