import type { FormSection, JsonSchema, UiSchema } from '../../../shared/definition/types.ts';

/** Fields in each generated section: one condition, 26 of mixed types, 3 it reveals. */
export const FIELDS_PER_SECTION = 30;
/** Conditional fields of a section, shown when its first field says « oui ». */
export const CONDITIONAL_PER_SECTION = 3;

/** A generated form, as the three renderers of the benchmark take it. */
export interface BenchForm {
  schema: JsonSchema;
  uiSchema: UiSchema;
  sections: FormSection[];
  /** Every field, in order, conditional ones included (all shown with `data`). */
  fields: string[];
  /** Initial answers: every condition met, so every field is rendered. */
  data: Record<string, unknown>;
  /** The text field the keystrokes go to (a section in the middle of the form). */
  typedField: string;
}

type Kind = 'text' | 'email' | 'integer' | 'date' | 'select' | 'radio' | 'checkbox' | 'textarea';

/** The mix of field types, repeated through each section. */
const KINDS: readonly Kind[] = [
  'text',
  'text',
  'email',
  'integer',
  'date',
  'select',
  'radio',
  'checkbox',
  'textarea',
  'text',
  'integer',
  'select',
  'date',
];

const CHOICES = ['Premier choix', 'Deuxième choix', 'Troisième choix', 'Quatrième choix'];

function fieldSchema(kind: Kind, title: string): { schema: JsonSchema; ui?: UiSchema } {
  switch (kind) {
    case 'text':
      return { schema: { type: 'string', title, maxLength: 200 } };
    case 'email':
      return { schema: { type: 'string', title, format: 'email' } };
    case 'integer':
      return { schema: { type: 'integer', title, minimum: 0 } };
    case 'date':
      return { schema: { type: 'string', title, format: 'date' } };
    case 'select':
      return { schema: { type: 'string', title, enum: CHOICES } };
    case 'radio':
      return {
        schema: { type: 'string', title, enum: CHOICES.slice(0, 3) },
        ui: { 'ui:widget': 'radio' },
      };
    case 'checkbox':
      return { schema: { type: 'boolean', title } };
    case 'textarea':
      return {
        schema: { type: 'string', title, maxLength: 2000 },
        ui: { 'ui:widget': 'textarea' },
      };
  }
}

/**
 * A form of `sectionCount` sections of 30 fields each, in the démarche format (top-level
 * properties are the fields, sections group them): per section a « oui / non » radio,
 * 26 fields cycling through text, e-mail, integer, date, select, radio, checkbox and
 * textarea, and 3 text fields that a condition (`allOf` of `if`/`then`) reveals and
 * requires when the radio says « oui ». Deterministic: the browser page and the runner
 * build the same form from the same count.
 *
 * @example
 * benchForm(10).fields.length; // 300
 */
export function benchForm(sectionCount: number): BenchForm {
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = {};
  const conditions: JsonSchema[] = [];
  const sections: FormSection[] = [];
  const fields: string[] = [];
  const data: Record<string, unknown> = {};
  for (let section = 1; section <= sectionCount; section++) {
    const prefix = `s${section}_`;
    const own: string[] = [];
    const trigger = `${prefix}condition`;
    properties[trigger] = {
      type: 'string',
      title: `Section ${section} : afficher les champs conditionnels ?`,
      enum: ['oui', 'non'],
    };
    uiSchema[trigger] = { 'ui:widget': 'radio' };
    data[trigger] = 'oui';
    own.push(trigger);
    const plain = FIELDS_PER_SECTION - 1 - CONDITIONAL_PER_SECTION;
    for (let index = 1; index <= plain; index++) {
      const kind = KINDS[(index - 1) % KINDS.length]!;
      const name = `${prefix}champ${index}`;
      const made = fieldSchema(kind, `Champ ${index} de la section ${section}`);
      properties[name] = made.schema;
      if (made.ui) uiSchema[name] = made.ui;
      own.push(name);
    }
    const revealed: Record<string, JsonSchema> = {};
    const names: string[] = [];
    for (let index = 1; index <= CONDITIONAL_PER_SECTION; index++) {
      const name = `${prefix}conditionnel${index}`;
      revealed[name] = { type: 'string', title: `Précision ${index} de la section ${section}` };
      names.push(name);
      own.push(name);
    }
    conditions.push({
      if: { properties: { [trigger]: { const: 'oui' } }, required: [trigger] },
      then: { properties: revealed, required: names },
    });
    sections.push({ id: `section-${section}`, title: `Section ${section}`, fields: own });
    fields.push(...own);
  }
  const middle = Math.ceil(sectionCount / 2);
  return {
    schema: { type: 'object', properties, allOf: conditions },
    uiSchema,
    sections,
    fields,
    data,
    typedField: `s${middle}_champ1`,
  };
}
