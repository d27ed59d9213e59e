import { SOURCE_FIELD_KEYWORD } from './sourceFieldKeyword.ts';

/** A form field whose choices come from a data source (`x-source`). */
export interface SourcedFieldDeclaration {
  /** Its path with `*` for each list item: `enfants/*\/ecole`. */
  path: string;
  /** The `dataSources[].id` it names. */
  source: string;
}

/** The value of one sourced field in a dossier's data. */
export interface SourcedFieldValue {
  /** The concrete path: `enfants/0/ecole`. */
  path: string;
  source: string;
  value: unknown;
}

type Schema = Record<string, unknown>;

/**
 * Every field carrying `x-source` under `properties` and `items`, at any depth.
 *
 * @example
 * sourcedFieldsOf({ properties: { commune: { type: 'string', 'x-source': 'communes' } } });
 * // [{ path: 'commune', source: 'communes' }]
 */
export function sourcedFieldsOf(schema: unknown): SourcedFieldDeclaration[] {
  const found: SourcedFieldDeclaration[] = [];
  const visit = (node: unknown, path: readonly string[]) => {
    if (!isRecord(node)) return;
    const source = node[SOURCE_FIELD_KEYWORD];
    if (typeof source === 'string' && path.length > 0) {
      found.push({ path: path.join('/'), source });
      return;
    }
    const properties = node['properties'];
    if (isRecord(properties)) {
      for (const [name, child] of Object.entries(properties)) visit(child, [...path, name]);
    }
    if (isRecord(node['items'])) visit(node['items'], [...path, '*']);
  };
  visit(schema, []);
  return found;
}

/**
 * The sourced fields that hold a non-empty value in `data`, one entry per concrete place.
 * An empty string or an absent value is `required`'s business, not the source's.
 *
 * @example
 * sourcedValuesOf(schema, { commune: '69123' });
 * // [{ path: 'commune', source: 'communes', value: '69123' }]
 */
export function sourcedValuesOf(schema: unknown, data: unknown): SourcedFieldValue[] {
  const values: SourcedFieldValue[] = [];
  for (const declaration of sourcedFieldsOf(schema)) {
    const collect = (node: unknown, rest: readonly string[], path: readonly string[]) => {
      if (rest.length === 0) {
        if (node !== undefined && node !== null && node !== '') {
          values.push({ path: path.join('/'), source: declaration.source, value: node });
        }
        return;
      }
      const [segment, ...tail] = rest as [string, ...string[]];
      if (segment === '*') {
        if (!Array.isArray(node)) return;
        for (const [i, item] of node.entries()) collect(item, tail, [...path, String(i)]);
      } else if (isRecord(node) && Object.hasOwn(node, segment)) {
        collect(node[segment], tail, [...path, segment]);
      }
    };
    collect(data, declaration.path.split('/'), []);
  }
  return values;
}

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
