import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { DraftChange } from '../editing/index.ts';
import { formOutline, propertiesOf } from '../editing/index.ts';
import { uniqueName } from './fieldKinds.ts';

/**
 * The change that copies a field just below itself: same schema and UI entry, label
 * suffixed « (copie) », a new unique name, required if the original is. Null if the
 * field does not exist.
 *
 * @example
 * dispatch(duplicateField(draft, 'nom')!); // adds `nomCopie` right after `nom`
 */
export function duplicateField(definition: DemarcheDefinition, name: string): DraftChange | null {
  const properties = propertiesOf(definition);
  const schema = properties[name];
  if (schema === undefined) return null;
  const copy = structuredClone(schema) as Record<string, unknown>;
  if (typeof copy['title'] === 'string') copy['title'] = `${copy['title']} (copie)`;
  const ui = definition.form.uiSchema?.[name];
  const required = (definition.form.schema as { required?: unknown }).required;
  const index = formOutline(definition).findIndex(
    (item) => item.kind === 'field' && item.name === name,
  );
  return {
    type: 'addField',
    field: {
      name: uniqueName(`${name}Copie`, Object.keys(properties)),
      schema: copy,
      ...(typeof ui === 'object' && ui !== null
        ? { ui: structuredClone(ui) as Record<string, unknown> }
        : {}),
      required: Array.isArray(required) && required.includes(name),
    },
    index: index + 1,
  };
}
