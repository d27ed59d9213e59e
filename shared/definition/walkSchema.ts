import { pointerTo } from './jsonPointer.ts';

/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value is one subschema (`items` is also walked when a draft-07 list). */
const SCHEMA_SINGLES = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'contentSchema',
];

interface SchemaNode {
  schema: Record<string, unknown>;
  pointer: string;
  /** Subschema nesting: 0 for the root, 1 for a property of the root, … */
  depth: number;
}

/**
 * Every object subschema of a JSON Schema, in document order, with its pointer. Only
 * schema positions are visited: a field named `pattern` is not a regex, an `enum` value
 * is not a schema. Iterative, so a hostile nesting cannot overflow the stack; the caller
 * stops early by breaking out of the loop.
 *
 * @example
 * for (const { schema, pointer } of walkSchema(form.schema, '/form/schema')) …
 */
export function* walkSchema(root: unknown, rootPointer: string): Generator<SchemaNode> {
  const stack: SchemaNode[] = [];
  if (isRecord(root)) stack.push({ schema: root, pointer: rootPointer, depth: 0 });
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const children: SchemaNode[] = [];
    const add = (value: unknown, ...segments: Array<string | number>) => {
      if (isRecord(value)) {
        children.push({
          schema: value,
          pointer: pointerTo(node.pointer, ...segments),
          depth: node.depth + 1,
        });
      }
    };
    for (const [keyword, value] of Object.entries(node.schema)) {
      if (SCHEMA_MAPS.includes(keyword) && isRecord(value)) {
        for (const [name, child] of Object.entries(value)) add(child, keyword, name);
      } else if (SCHEMA_LISTS.includes(keyword) || (keyword === 'items' && Array.isArray(value))) {
        if (Array.isArray(value))
          for (const [index, child] of value.entries()) add(child, keyword, index);
      } else if (SCHEMA_SINGLES.includes(keyword)) {
        add(value, keyword);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
