import type { DemarcheDefinition } from '../../../shared/definition/index.ts';

/** A top-level form field as the condition builder offers it. */
export interface FormFieldChoice {
  name: string;
  /** The field's title, else its name. */
  title: string;
  type: 'string' | 'number' | 'boolean' | 'other';
  /** Allowed values, when the field is a closed list. */
  choices?: ReadonlyArray<string | number>;
}

/**
 * The top-level fields of the citizen form, in schema order: what a guard or an effect
 * condition can compare.
 *
 * @example
 * formFieldsOf(definition) // [{ name: 'revenu', title: 'Revenu mensuel (€)', type: 'number' }, …]
 */
export function formFieldsOf(definition: Pick<DemarcheDefinition, 'form'>): FormFieldChoice[] {
  const schema = definition.form.schema;
  if (typeof schema !== 'object' || !isRecord(schema['properties'])) return [];
  return Object.entries(schema['properties']).map(([name, property]) => {
    const field: FormFieldChoice = { name, title: name, type: 'other' };
    if (!isRecord(property)) return field;
    if (typeof property['title'] === 'string') field.title = property['title'];
    const type = property['type'];
    if (type === 'number' || type === 'integer') field.type = 'number';
    else if (type === 'string' || type === 'boolean') field.type = type;
    if (Array.isArray(property['enum']))
      field.choices = property['enum'].filter(
        (value): value is string | number => typeof value === 'string' || typeof value === 'number',
      );
    return field;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
