import type { FormDefinition } from '../definition/types.ts';

type SchemaNode = Record<string, unknown>;

/** The JSON Schema keyword naming a field's data source (as in `shared/form`). */
const SOURCE_KEYWORD = 'x-source';

/**
 * The labels of the codes a dossier's sourced fields (`x-source`) hold, by source id then
 * code: `{ communes: { '69383': 'Lyon 3e Arrondissement' } }`. A form does not hold the
 * entries of a table or a URL list, so the server looks them up and passes them along.
 */
export type SourceLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The label a choice field shows for a value, as the form names it: a `oneOf` (or
 * `anyOf`) of `{ const, title }` (standard JSON Schema, which the strict form dialect
 * accepts), or an `enum` with its labels side by side in the uiSchema's `ui:enumNames`
 * (RJSF's vocabulary; an `x-enumNames` in the schema would be refused as unknown). A list field
 * (`type: array` of choices) gives one label per value. A value without a label — or a
 * path that is not a choice field — comes back unchanged, so a letter still says
 * something rather than failing. A field with a data source (`x-source`) takes its label
 * from `sourceLabels`, which the server resolved.
 *
 * @example
 * // situation: { enum: ['seul', 'couple'] }, uiSchema situation: { 'ui:enumNames': ['Personne seule', 'En couple'] }
 * choiceLabel(form, 'situation', 'couple'); // 'En couple'
 * choiceLabel(form, 'aides', ['loyer', 'eau']); // ['Aide au loyer', 'Eau']
 */
export function choiceLabel(
  form: FormDefinition,
  fieldPath: string,
  value: unknown,
  sourceLabels?: SourceLabels,
): unknown {
  const { schema, ui } = fieldAt(form, fieldPath);
  if (schema === undefined) return value;
  const sourced = sourcedLabel(schema, value, sourceLabels);
  if (sourced !== undefined) return sourced;
  if (Array.isArray(value)) {
    const items = child(schema, 'items');
    const itemUi = child(ui, 'items');
    // RJSF's checkboxes take the labels on the list field itself, not on its items.
    return value.map(
      (item) =>
        labelIn(items, itemUi, item) ??
        labelIn(items, ui, item) ??
        labelIn(schema, ui, item) ??
        item,
    );
  }
  return labelIn(schema, ui, value) ?? value;
}

/**
 * Whether `fieldPath` names a choice field whose values have labels (what `label`
 * needs): the linter warns when it does not, since `label` would print the raw code.
 *
 * @example
 * hasChoiceLabels(form, 'situation'); // true
 * hasChoiceLabels(form, 'nom'); // false
 */
export function hasChoiceLabels(form: FormDefinition, fieldPath: string): boolean {
  const { schema, ui } = fieldAt(form, fieldPath);
  if (schema === undefined) return false;
  return [
    [schema, ui],
    [child(schema, 'items'), child(ui, 'items')],
    [child(schema, 'items'), ui],
  ].some(([node, nodeUi]) => {
    if (node === undefined) return false;
    if (typeof node[SOURCE_KEYWORD] === 'string') return true;
    const titled = ['oneOf', 'anyOf'].some((key) => {
      const branches = node[key];
      return (
        Array.isArray(branches) &&
        branches.some((b) => isNode(b) && 'const' in b && typeof b['title'] === 'string')
      );
    });
    return titled || (Array.isArray(node['enum']) && Array.isArray(nodeUi?.['ui:enumNames']));
  });
}

/** The label of a sourced field's code (or codes, for a list), when the server gave it. */
function sourcedLabel(
  schema: SchemaNode,
  value: unknown,
  sourceLabels: SourceLabels | undefined,
): unknown {
  const items = child(schema, 'items');
  const source = schema[SOURCE_KEYWORD] ?? items?.[SOURCE_KEYWORD];
  if (typeof source !== 'string') return undefined;
  const labels = sourceLabels?.[source];
  const labelOf = (code: unknown) =>
    typeof code === 'string' && labels !== undefined && Object.hasOwn(labels, code)
      ? labels[code]
      : code;
  return Array.isArray(value) ? value.map(labelOf) : labelOf(value);
}

function fieldAt(
  form: FormDefinition,
  fieldPath: string,
): { schema: SchemaNode | undefined; ui: SchemaNode | undefined } {
  let schema: SchemaNode | undefined = isNode(form.schema) ? form.schema : undefined;
  let ui: SchemaNode | undefined = isNode(form.uiSchema) ? form.uiSchema : undefined;
  for (const segment of fieldPath.split('.').filter((s) => s !== '')) {
    // A repeated group's fields are named through it: `enfants.ecole`.
    const items = child(schema, 'items');
    if (items !== undefined && !isNode(schema?.['properties'])) {
      schema = items;
      ui = child(ui, 'items');
    }
    schema = child(schema?.['properties'], segment);
    ui = child(ui, segment);
  }
  return { schema, ui };
}

function labelIn(
  schema: SchemaNode | undefined,
  ui: SchemaNode | undefined,
  value: unknown,
): string | undefined {
  if (schema === undefined) return undefined;
  for (const key of ['oneOf', 'anyOf']) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const branch = branches.find((b) => isNode(b) && 'const' in b && b['const'] === value);
    if (isNode(branch) && typeof branch['title'] === 'string') return branch['title'];
  }
  const values = schema['enum'];
  if (!Array.isArray(values)) return undefined;
  const index = values.indexOf(value);
  if (index < 0) return undefined;
  const names = ui?.['ui:enumNames'];
  return Array.isArray(names) && typeof names[index] === 'string' ? names[index] : undefined;
}

function child(node: unknown, key: string): SchemaNode | undefined {
  if (!isNode(node) || !Object.hasOwn(node, key)) return undefined;
  const value = node[key];
  return isNode(value) ? value : undefined;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
