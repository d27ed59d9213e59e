import type { UiSchema } from '@rjsf/utils';
import type { JsonSchema } from '../../../shared/definition/types.ts';
import type { FieldGroup } from './pageGroups.ts';
import type { FormSource } from './sourceFieldUi.ts';

/** What of a step's form its groups are built from (`PageFormProps['form']`). */
export interface GroupSource {
  schema: JsonSchema;
  uiSchema: UiSchema | null;
  computed: ReadonlySet<string>;
  sources?: readonly FormSource[];
}

type SchemaObject = { [keyword: string]: unknown };

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Everything a group's schema, UI schema and answer keys are built from
 * (`sectionSchema`, `sectionUiSchema`, `withFileFields`, `withSourcedFields`,
 * `conditionFields`), as a flat list of values compared by identity: its title and
 * fields, each field's schema and UI entry, whether it is required or computed, the
 * root's conditions and `$defs`, the data sources, the fields the conditions read. When
 * two lists are `sameInputs`, the group built from the first is the group the second
 * would build.
 *
 * @example
 * const inputs = groupInputs(form, group, conditionFields(form.schema));
 */
export function groupInputs(
  form: GroupSource,
  group: FieldGroup,
  readByConditions: readonly string[],
): unknown[] {
  const root = isObject(form.schema) ? form.schema : {};
  const properties = isObject(root['properties']) ? root['properties'] : {};
  const ui = form.uiSchema ?? {};
  const inputs: unknown[] = [
    group.title,
    group.fields.length,
    root['if'],
    root['then'],
    root['else'],
    root['allOf'],
    root['$defs'],
    form.sources,
    readByConditions.length,
    ...readByConditions,
  ];
  for (const field of group.fields) {
    inputs.push(field, properties[field], ui[field], form.computed.has(field));
  }
  // Required names of the group in the root's order, as `sectionSchema` keeps them.
  if (Array.isArray(root['required'])) {
    const own = new Set(group.fields);
    for (const name of root['required']) if (own.has(name)) inputs.push(name);
  }
  return inputs;
}

/** Whether two `groupInputs` lists hold the very same values. */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
