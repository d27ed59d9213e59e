import { isObject, objectEntries, type SchemaObject, stringEntries } from './shapes.ts';

/** Path step into an array's items (a property can't be named by a symbol). */
export const ITEMS: unique symbol = Symbol('items');
export type Segment = string | typeof ITEMS;

/** What the form declares at one place of the data (the root, a property, array items). */
export interface FieldNode {
  /** Schemas that hold whenever this value is present (not those of `then`, `anyOf`…). */
  readonly constraints: SchemaObject[];
  readonly properties: Map<string, FieldNode>;
  items: FieldNode | null;
  /** Names required whenever this object is present (unconditional `required`). */
  readonly required: Set<string>;
  /** Undeclared names may still hold data (free-form object, `additionalProperties`). */
  open: boolean;
}

// Recursive `$ref`s would otherwise unfold forever; real forms are a few levels deep.
const MAX_DEPTH = 16;
// Caps the work on pathological schemas (`$ref`s fanning out to each other).
const MAX_VISITS = 20_000;

/**
 * The fields a form schema declares, merged across `properties`, `allOf`, local `$ref`s
 * and the conditional branches (`then`, `else`, `anyOf`, `oneOf`, `dependentSchemas`)
 * where conditional fields live. `if` and `not` only test data, so they declare nothing.
 *
 * @example
 * const tree = buildFieldTree({ properties: { adresse: { properties: { ville: {} } } } });
 * tree.properties.get('adresse')?.properties.has('ville'); // true
 */
export function buildFieldTree(schema: unknown): FieldNode {
  const root = emptyNode();
  const walk: Walk = { document: schema, refs: [], extra: new Set(), visits: 0 };
  declare(walk, root, schema, { definite: true, depth: 0 });
  // Past the budget the tree is incomplete: call everything open rather than report
  // fields as unknown that the unread part of the schema may declare.
  settle(root, walk.visits > MAX_VISITS ? null : walk.extra, 0);
  return root;
}

interface Walk {
  document: unknown;
  /** `$ref`s being expanded, so a recursive one stops. */
  refs: string[];
  /** Nodes admitting undeclared names; only feeds `open`, settled once at the end. */
  extra: Set<FieldNode>;
  visits: number;
}

function declare(
  walk: Walk,
  node: FieldNode,
  schema: unknown,
  at: { definite: boolean; depth: number },
): void {
  if (!isObject(schema) || at.depth > MAX_DEPTH || ++walk.visits > MAX_VISITS) return;
  const deeper = { definite: at.definite, depth: at.depth + 1 };
  const branch = { definite: false, depth: at.depth + 1 };
  if (at.definite) {
    node.constraints.push(schema);
    for (const [name] of stringEntries(schema['required'])) node.required.add(name);
  }
  const ref = schema['$ref'];
  if (typeof ref === 'string' && !walk.refs.includes(ref)) {
    walk.refs.push(ref);
    declare(walk, node, resolveLocalRef(walk.document, ref), deeper);
    walk.refs.pop();
  }
  for (const [name, sub] of objectEntries(schema['properties'])) {
    const child = node.properties.get(name) ?? emptyNode();
    node.properties.set(name, child);
    declare(walk, child, sub, deeper);
  }
  if (isObject(schema['items']) || schema['items'] === true) {
    node.items ??= emptyNode();
    declare(walk, node.items, schema['items'], deeper);
  }
  for (const sub of Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : []) {
    node.items ??= emptyNode();
    declare(walk, node.items, sub, branch);
  }
  const extra = schema['additionalProperties'];
  if (
    (extra !== undefined && extra !== false) ||
    objectEntries(schema['patternProperties']).length
  ) {
    walk.extra.add(node);
  }
  for (const sub of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    declare(walk, node, sub, deeper);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    for (const sub of Array.isArray(schema[key]) ? schema[key] : [])
      declare(walk, node, sub, branch);
  }
  declare(walk, node, schema['then'], branch);
  declare(walk, node, schema['else'], branch);
  for (const [, sub] of objectEntries(schema['dependentSchemas'])) declare(walk, node, sub, branch);
}

function settle(node: FieldNode, extra: ReadonlySet<FieldNode> | null, depth: number): void {
  if (extra === null) node.open = true;
  else node.open = node.properties.size === 0 ? !excludesObjects(node) : extra.has(node);
  if (depth > MAX_DEPTH * 2) return;
  for (const child of node.properties.values()) settle(child, extra, depth + 1);
  if (node.items !== null) settle(node.items, extra, depth + 1);
}

function excludesObjects(node: FieldNode): boolean {
  return node.constraints.some((schema) => {
    const type = schema['type'];
    if (typeof type === 'string') return type !== 'object';
    return Array.isArray(type) && !type.includes('object');
  });
}

function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let target = document;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = decode(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    target = isObject(target) || Array.isArray(target) ? (target as never)[token] : undefined;
  }
  return target;
}

// A `$ref` being typed may hold a lone `%`, which `decodeURIComponent` rejects.
function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function emptyNode(): FieldNode {
  return { constraints: [], properties: new Map(), items: null, required: new Set(), open: false };
}
