import type { KeywordDefinition } from 'ajv';

/** The keyword that makes a form property a file field. */
export const FILE_FIELD_KEYWORD = 'x-file';

/** What `x-file` may hold; ajv checks it when compiling a form (a typo fails to publish). */
export const FILE_FIELD_OPTIONS_SCHEMA = {
  type: 'object',
  description:
    'A file field: its value is a list of attachment ids uploaded for it (`POST /api/dossiers/:id/attachments?field=<path>`).',
  additionalProperties: false,
  properties: {
    accept: {
      type: 'array',
      description: 'Media types accepted, checked on the content: `application/pdf`, `image/*`.',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]+/(?:[a-z0-9.+-]+|\\*)$' },
    },
    maxBytes: {
      type: 'integer',
      minimum: 1,
      description: 'Largest file accepted, in bytes, under the server’s cap of 10 MiB.',
    },
  },
} as const;

/** An attachment id: the UUID the upload answered with. */
export const ATTACHMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `x-file` in the form dialect. Besides checking its options, it states the value's
 * shape itself — a list of attachment ids — so a file field cannot hold anything else
 * even when the admin leaves out `type` and `items` (which RJSF still wants to render
 * the widget; the studio writes them).
 *
 * @example
 * { type: 'array', items: { type: 'string', format: 'attachment-id' }, maxItems: 1,
 *   'x-file': { accept: ['application/pdf'], maxBytes: 2_000_000 } }
 */
export const fileFieldKeyword: KeywordDefinition = {
  keyword: FILE_FIELD_KEYWORD,
  metaSchema: FILE_FIELD_OPTIONS_SCHEMA,
  macro: () => ({ type: 'array', items: { type: 'string', format: 'attachment-id' } }),
};
