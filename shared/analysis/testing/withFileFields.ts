import type { DemarcheDefinition } from '../../definition/types.ts';

/**
 * An edit for `lintRule`: adds a file field `piece` with `options`, and one inside the
 * repeated group `enfants` with `childOptions`.
 *
 * @example
 * lintRule(fileSizeOverCap, withFileFields({ maxBytes: 50_000_000 }));
 */
export function withFileFields(options: Record<string, unknown>, childOptions = options) {
  return (definition: DemarcheDefinition) => {
    const schema = definition.form.schema as { properties: Record<string, unknown> };
    const file = (x: Record<string, unknown>) => ({
      type: 'array',
      items: { type: 'string', format: 'attachment-id' },
      'x-file': x,
    });
    schema.properties['piece'] = file(options);
    schema.properties['enfants'] = {
      type: 'array',
      items: { type: 'object', properties: { certificat: file(childOptions) } },
    };
  };
}

/** Where the repeated group's file field options sit. */
export const CHILD_FILE_FIELD =
  '/form/schema/properties/enfants/items/properties/certificat/x-file';
