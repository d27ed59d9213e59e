import type { JsonSchema } from '../../../shared/definition/types.ts';

type SchemaObject = { [keyword: string]: unknown };

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How the error summary names a field: its title (and the entry's number inside a
 * repeated group: « Enfants, élément 2 : Prénom »), else its name.
 *
 * @example
 * fieldLabel(schema, ['enfants', 1, 'prenom']); // 'Enfants, élément 2 : Prénom'
 */
export function fieldLabel(schema: JsonSchema, path: ReadonlyArray<string | number>): string {
  const parts: string[] = [];
  let node: unknown = schema;
  for (const segment of path) {
    if (typeof segment === 'number') {
      parts.push(`élément ${segment + 1}`);
      node = isObject(node) ? node['items'] : undefined;
      continue;
    }
    const properties = isObject(node) ? node['properties'] : undefined;
    node = isObject(properties) ? properties[segment] : undefined;
    const title = isObject(node) && typeof node['title'] === 'string' ? node['title'] : segment;
    parts.push(title);
  }
  const last = parts.pop() ?? '';
  return parts.length > 0 ? `${parts.join(', ')} : ${last}` : last;
}
