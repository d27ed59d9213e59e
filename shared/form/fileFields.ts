import { FILE_FIELD_KEYWORD } from './fileFieldKeyword.ts';

/** A file field's options (`x-file`), as the form declares them. */
export interface FileFieldOptions {
  accept?: readonly string[];
  maxBytes?: number;
}

/** A file field of the form: where it is declared and what it accepts. */
export interface FileFieldDeclaration {
  /** Its path with `*` for each list item: `enfants/*\/certificat`. */
  path: string;
  /** RFC 6901 pointer to its schema, from the form schema's root: `/properties/enfants/items/properties/certificat`. */
  pointer: string;
  options: FileFieldOptions;
}

/** The value of one file field in a dossier's data. */
export interface FileFieldValue {
  /** The concrete path: `enfants/0/certificat`. */
  path: string;
  declaration: FileFieldDeclaration;
  /** What the data holds there, checked by the caller (ids of attachments, normally). */
  value: unknown;
}

type Schema = Record<string, unknown>;

/**
 * Every file field (`x-file`) declared under `properties` and `items`, at any depth —
 * file fields inside repeated groups included.
 *
 * @example
 * fileFieldsOf(schema); // [{ path: 'enfants/*\/certificat', pointer: '/properties/enfants/items/properties/certificat', options: { accept: ['application/pdf'] } }]
 */
export function fileFieldsOf(schema: unknown): FileFieldDeclaration[] {
  const found: FileFieldDeclaration[] = [];
  const visit = (node: unknown, path: readonly string[], pointer: string) => {
    if (!isRecord(node)) return;
    const options = node[FILE_FIELD_KEYWORD];
    if (options !== undefined && path.length > 0) {
      found.push({ path: path.join('/'), pointer, options: optionsOf(options) });
      return;
    }
    const properties = node['properties'];
    if (isRecord(properties)) {
      for (const [name, child] of Object.entries(properties)) {
        visit(child, [...path, name], `${pointer}/properties/${escapePointer(name)}`);
      }
    }
    if (isRecord(node['items'])) visit(node['items'], [...path, '*'], `${pointer}/items`);
  };
  visit(schema, [], '');
  return found;
}

/**
 * The file field a concrete path names — list indexes in place of `*` — or null when the
 * path is not a file field of the form (unknown, or an ordinary field).
 *
 * @example
 * fileFieldAt(schema, 'enfants/1/certificat')?.path; // 'enfants/*\/certificat'
 * fileFieldAt(schema, 'nom'); // null
 */
export function fileFieldAt(schema: unknown, path: string): FileFieldDeclaration | null {
  const declared = path
    .split('/')
    .map((segment) => (/^(?:0|[1-9][0-9]{0,5})$/.test(segment) ? '*' : segment))
    .join('/');
  return fileFieldsOf(schema).find((field) => field.path === declared) ?? null;
}

/**
 * The file fields that hold a value in `data`, one entry per concrete place: a file
 * field inside a list of two children gives two entries.
 *
 * @example
 * fileValuesOf(schema, { enfants: [{ certificat: [id1] }, { certificat: [id2] }] });
 * // [{ path: 'enfants/0/certificat', value: [id1], … }, { path: 'enfants/1/certificat', … }]
 */
export function fileValuesOf(schema: unknown, data: unknown): FileFieldValue[] {
  const values: FileFieldValue[] = [];
  for (const declaration of fileFieldsOf(schema)) {
    const collect = (node: unknown, rest: readonly string[], path: readonly string[]) => {
      if (rest.length === 0) {
        if (node !== undefined) values.push({ path: path.join('/'), declaration, value: node });
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

/** The well-formed options only: a definition being edited may hold anything there. */
function optionsOf(value: unknown): FileFieldOptions {
  if (!isRecord(value)) return {};
  const { accept, maxBytes } = value;
  return {
    ...(Array.isArray(accept) && accept.every((entry) => typeof entry === 'string')
      ? { accept: accept as string[] }
      : {}),
    ...(typeof maxBytes === 'number' ? { maxBytes } : {}),
  };
}

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}
