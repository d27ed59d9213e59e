import {
  format as cfworkerFormats,
  type Schema,
  schemaArrayKeyword,
  schemaKeyword,
  schemaMapKeyword,
} from '@cfworker/json-schema';
import { re2Pattern } from './re2Engine.ts';
import { standaloneFormats } from './standaloneFormats.ts';

/**
 * The form dialect (`createFormAjv`) as `@cfworker/json-schema` can read it. That library
 * checks formats from one table it exports and on strings only, ignores keywords it does
 * not know, and runs patterns on the browser's own RegExp; ajv, with the dialect, refuses
 * unknown keywords and formats, runs patterns on RE2 and knows `x-file` and `x-source`.
 * So the dialect's string formats replace the library's (the very functions ajv runs,
 * `standaloneFormats`), and `adaptToCfworker` rewrites what remains before validation.
 */

let formatsAdded = false;

/**
 * Puts the dialect's string formats in the library's table, once, on first use: done at
 * import, it would keep this module (and the library) in every bundle that imports
 * `shared/form`, such as the simulation worker's.
 */
function addDialectFormats(): void {
  if (formatsAdded) return;
  for (const [name, definition] of Object.entries(standaloneFormats)) {
    const check = stringFormatCheck(definition);
    if (check) cfworkerFormats[name] = check;
  }
  formatsAdded = true;
}

/** A format of ajv's shapes as a test of strings; undefined for a format of numbers. */
function stringFormatCheck(definition: unknown): ((text: string) => boolean) | undefined {
  if (definition === true) return () => true;
  if (definition instanceof RegExp) return (text) => definition.test(text);
  if (typeof definition === 'function') return (text) => definition(text) === true;
  const described = definition as { type?: string; validate?: unknown };
  if (described.type !== undefined && described.type !== 'string') return undefined;
  return stringFormatCheck(described.validate);
}

/**
 * The keywords of JSON Schema 2020-12 that ajv, with the dialect, and the library read
 * alike. Not the other dialects' (`dependencies`, `definitions`), nor `unevaluated*` (the
 * two read annotations differently: ajv counts a failed `if`'s) or `$anchor` (ajv's strict
 * mode refuses it in a schema it inlines).
 */
const DIALECT_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$comment',
  '$vocabulary',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'type',
  'const',
  'enum',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
]);

const TYPES = new Set(['null', 'boolean', 'string', 'number', 'integer', 'array', 'object']);

/** What the dialect's keywords state of their value (`fileFieldKeyword`, `sourceFieldKeyword`). */
const DIALECT_SHAPES: Readonly<Record<string, Schema>> = {
  'x-file': { type: 'array', items: { type: 'string', format: 'attachment-id' } },
  'x-source': { type: 'string' },
};

/**
 * Rewrites `schema` (a copy the caller owns) in place so the library answers as ajv:
 * `x-file` and `x-source` become the shape they state. Returns false when the schema
 * holds something the library would read otherwise than ajv — a keyword or `type` outside
 * `DIALECT_KEYWORDS`, an unknown format or one about numbers (the library checks strings
 * only), a pattern RE2 refuses — for the caller to leave the answer « not known
 * to hold » rather than risk opening a condition ajv keeps closed.
 */
export function adaptToCfworker(schema: unknown): boolean {
  addDialectFormats();
  if (typeof schema === 'boolean') return true;
  if (!isObject(schema)) return false;
  for (const [keyword, shape] of Object.entries(DIALECT_SHAPES)) {
    if (!(keyword in schema)) continue;
    delete schema[keyword];
    schema['allOf'] = [...(Array.isArray(schema['allOf']) ? schema['allOf'] : []), shape];
  }
  for (const [keyword, value] of Object.entries(schema)) {
    if (!DIALECT_KEYWORDS.has(keyword) || !readsAsAjv(keyword, value)) return false;
    if (schemaArrayKeyword[keyword] && Array.isArray(value)) {
      if (!value.every(adaptToCfworker)) return false;
    } else if (schemaMapKeyword[keyword] && isObject(value)) {
      if (!Object.values(value).every(adaptToCfworker)) return false;
    } else if (schemaKeyword[keyword] && !adaptToCfworker(value)) {
      return false;
    }
  }
  return true;
}

function readsAsAjv(keyword: string, value: unknown): boolean {
  switch (keyword) {
    case 'format':
      return typeof value === 'string' && Object.hasOwn(cfworkerFormats, value);
    case 'type':
      return (Array.isArray(value) ? value : [value]).every((type) => TYPES.has(type));
    case 'pattern':
      return typeof value === 'string' && re2Accepts(value);
    case 'patternProperties':
      return isObject(value) && Object.keys(value).every(re2Accepts);
    default:
      return true;
  }
}

/** ajv compiles patterns with RE2 and refuses a schema whose pattern RE2 cannot run. */
function re2Accepts(source: string): boolean {
  try {
    re2Pattern(source);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
