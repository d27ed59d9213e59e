import type { JsonSchema, UiSchema } from '../../../shared/definition/types.ts';

type SchemaObject = { [keyword: string]: unknown };

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(record: unknown, names: readonly string[]): SchemaObject {
  const picked: SchemaObject = {};
  if (!isObject(record)) return picked;
  for (const name of names) if (name in record) picked[name] = record[name];
  return picked;
}

function keepRequired(required: unknown, names: readonly string[]): string[] | undefined {
  if (!Array.isArray(required)) return undefined;
  const kept = required.filter((name) => names.includes(name as string)) as string[];
  return kept.length > 0 ? kept : undefined;
}

/** A `then`/`else` branch narrowed to the group's fields (the rest is another group's). */
function narrowBranch(branch: unknown, names: readonly string[]): unknown {
  if (!isObject(branch)) return branch;
  const { properties, required, ...rest } = branch;
  const narrowed: SchemaObject = { ...rest };
  if (properties !== undefined) narrowed['properties'] = pick(properties, names);
  const kept = keepRequired(required, names);
  if (kept) narrowed['required'] = kept;
  return narrowed;
}

/** Whether a narrowed branch still says something about the group's fields. */
function branchMatters(branch: unknown): boolean {
  if (branch === undefined) return false;
  if (!isObject(branch)) return true;
  return Object.entries(branch).some(
    ([keyword, value]) =>
      keyword !== 'properties' || (isObject(value) && Object.keys(value).length > 0),
  );
}

/**
 * Keeps a condition whole: its `if` must stay the very object the server compiled. A
 * condition whose branches say nothing of the group's fields is left out: the group's
 * form would decide it at every change for nothing (30 sections: 30 conditions each).
 */
function narrowCondition(schema: SchemaObject, names: readonly string[]): SchemaObject {
  const narrowed: SchemaObject = {};
  if (schema['if'] === undefined) return narrowed;
  const then = schema['then'] !== undefined ? narrowBranch(schema['then'], names) : undefined;
  const otherwise = schema['else'] !== undefined ? narrowBranch(schema['else'], names) : undefined;
  if (!branchMatters(then) && !branchMatters(otherwise)) return narrowed;
  narrowed['if'] = schema['if'];
  if (then !== undefined) narrowed['then'] = then;
  if (otherwise !== undefined) narrowed['else'] = otherwise;
  return narrowed;
}

/**
 * The schema one group of fields is rendered with: the root's properties and `required`
 * for those fields only, its `$defs`, and its conditions (`if`/`then`/`else`, also inside
 * `allOf`) with branches narrowed to the group, those that concern it only. Each `if` is the root's own object, so
 * RJSF finds its precompiled validator (keyed by the schema's hash) to decide the
 * condition, exactly as the server compiled it.
 *
 * @example
 * sectionSchema(root, ['situation', 'conjoint']);
 * // { type: 'object', properties: { situation, conjoint }, if: root.if, then: { required: ['conjoint'] } }
 */
export function sectionSchema(root: JsonSchema, fields: readonly string[]): SchemaObject {
  if (!isObject(root)) return { type: 'object', properties: {} };
  const schema: SchemaObject = {
    type: 'object',
    properties: pick(root['properties'], fields),
    ...narrowCondition(root, fields),
  };
  const required = keepRequired(root['required'], fields);
  if (required) schema['required'] = required;
  if (root['$defs'] !== undefined) schema['$defs'] = root['$defs'];
  if (Array.isArray(root['allOf'])) {
    const conditions = root['allOf']
      .filter((part): part is SchemaObject => isObject(part) && part['if'] !== undefined)
      .map((part) => narrowCondition(part, fields))
      .filter((condition) => condition['if'] !== undefined);
    if (conditions.length > 0) schema['allOf'] = conditions;
  }
  return schema;
}

/**
 * Top-level fields the root's conditions read: a group's form gets their answers too, so
 * a condition on a field of another step still decides what this one shows.
 *
 * @example
 * conditionFields({ if: { properties: { situation: { const: 'couple' } } }, … }); // ['situation']
 */
export function conditionFields(root: JsonSchema): string[] {
  if (!isObject(root)) return [];
  const names = new Set<string>();
  const conditions = [root, ...(Array.isArray(root['allOf']) ? root['allOf'] : [])];
  for (const condition of conditions) {
    if (!isObject(condition) || !isObject(condition['if'])) continue;
    const test = condition['if'];
    for (const name of Object.keys(isObject(test['properties']) ? test['properties'] : {})) {
      names.add(name);
    }
    if (Array.isArray(test['required'])) for (const name of test['required']) names.add(name);
  }
  return [...names];
}

/**
 * The UI schema of a group: the root's entries for its fields, their order, and
 * read-only for computed fields (the server computes them again at every save).
 *
 * @example
 * sectionUiSchema({ nom: { 'ui:help': '…' } }, ['nom', 'prenom'], new Set());
 */
export function sectionUiSchema(
  root: UiSchema | null,
  fields: readonly string[],
  computed: ReadonlySet<string>,
): UiSchema {
  const ui: UiSchema = { 'ui:order': [...fields, '*'] };
  for (const field of fields) {
    const entry = isObject(root?.[field]) ? (root[field] as SchemaObject) : {};
    ui[field] = computed.has(field) ? { ...entry, 'ui:readonly': true } : entry;
  }
  return ui;
}
