import type { KeywordDefinition } from 'ajv';

/** The keyword that makes a form property a choice from a data source (`dataSources[].id`). */
export const SOURCE_FIELD_KEYWORD = 'x-source';

/** What `x-source` may hold: the id of one of the definition's `dataSources`. */
export const SOURCE_FIELD_SCHEMA = {
  type: 'string',
  description:
    'A choice from a data source: the id of one of the definition’s `dataSources`. The value stored is the chosen entry’s code, checked by the server against the source on every save and submission.',
  pattern: '^[a-z][a-z0-9_-]*$',
  maxLength: 64,
} as const;

/**
 * `x-source` in the form dialect. The value of a sourced field is the chosen entry's
 * code, a string; whether that code is in the source is the server's check (the browser
 * cannot hold a 35,000-line table), so ajv states only the shape.
 *
 * @example
 * { type: 'string', title: 'Commune', 'x-source': 'communes' }
 */
export const sourceFieldKeyword: KeywordDefinition = {
  keyword: SOURCE_FIELD_KEYWORD,
  metaSchema: SOURCE_FIELD_SCHEMA,
  macro: () => ({ type: 'string' }),
};
