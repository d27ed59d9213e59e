import type { TransitionDefinition } from '../../definition/types.ts';
import type { FieldNode } from './fieldTree.ts';
import { isObject, type SchemaObject } from './shapes.ts';

/**
 * The schema of a top-level property of a transition's input form, or undefined when the
 * transition has no input or the input does not declare it.
 *
 * @example
 * inputProperty(refuser, 'motif'); // { type: 'string', minLength: 10, … }
 */
export function inputProperty(
  transition: TransitionDefinition,
  name: string,
): SchemaObject | undefined {
  const schema = transition.input?.schema;
  const properties = isObject(schema) ? schema['properties'] : undefined;
  if (!isObject(properties) || !Object.hasOwn(properties, name)) return undefined;
  const property = properties[name];
  return isObject(property) ? property : {};
}

/** The JSON type a schema or a form field declares (`type: 'string'`), if one. */
export function declaredType(schema: SchemaObject | FieldNode | undefined): string | undefined {
  if (schema === undefined) return undefined;
  const schemas: readonly SchemaObject[] =
    'constraints' in schema && Array.isArray(schema.constraints)
      ? schema.constraints
      : [schema as SchemaObject];
  for (const one of schemas) if (typeof one['type'] === 'string') return one['type'];
  return undefined;
}

/** The format a form field declares (`format: 'email'`), if one. */
export function declaredFormat(node: FieldNode): string | undefined {
  for (const one of node.constraints) if (typeof one['format'] === 'string') return one['format'];
  return undefined;
}
