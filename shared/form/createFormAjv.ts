import type { Options } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ATTACHMENT_ID, FILE_FIELD_KEYWORD, fileFieldKeyword } from './fileFieldKeyword.ts';
import { frenchFormats } from './frenchFormats.ts';
import { re2Engine } from './re2Engine.ts';
import { rjsfFormats } from './rjsfFormats.ts';
import { SOURCE_FIELD_KEYWORD, sourceFieldKeyword } from './sourceFieldKeyword.ts';

/** The one JSON Schema dialect of forms, guards and input schemas. */
export const FORM_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Keywords ajv accepts for compatibility with older drafts or OpenAPI. They are removed so
 * that strict mode rejects them: one dialect, enforced everywhere a schema is compiled.
 */
export const FOREIGN_KEYWORDS: Readonly<Record<string, string>> = {
  dependencies: 'dependentRequired ou dependentSchemas',
  definitions: '$defs',
  nullable: 'type: ["…", "null"]',
};

/**
 * Ajv options for form, guard, routing and input schemas, exported so the browser's RJSF
 * validator (`customizeValidator({ AjvClass: Ajv2020, ajvOptionsOverrides })`) runs the
 * same checks as the server: client and server must agree on every dossier.
 *
 * - `strict: true` catches what a functional admin mistypes: unknown keywords
 *   (`minLenght`, `ui:widget` put in the schema instead of the UI schema), unknown
 *   formats, non-finite numbers, ambiguous tuples. Annotations RJSF reads (`title`,
 *   `description`, `default`, `examples`, `readOnly`, `deprecated`, `$comment`) are
 *   standard 2020-12 vocabulary, so strict mode accepts them.
 * - `strictTypes: false`: guards and conditions are written as
 *   `{ properties: { revenu: { maximum: 1500 } } }`, without repeating `type` at every
 *   level; strict types would refuse that idiom.
 * - `strictRequired: false`: `if`/`then` branches name fields declared by the parent
 *   (`then: { required: ['conjoint'] }`), which strict required refuses.
 * - `allowUnionTypes`: `type: ['string', 'null']` is how an optional answer is cleared.
 * - `multipleOfPrecision: 8`, as RJSF does, so `multipleOf: 0.01` accepts `19.99`.
 * - `allErrors`: a form lists every problem at once, not only the first.
 * - `code.regExp`: patterns run on RE2 (`re2Engine`), linear in the answer's length, so a
 *   pattern that makes a backtracking engine explode cannot stall the server
 *   (docs/SECURITY.md §13); the browser gets the same engine through these options.
 */
export const FORM_AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allowUnionTypes: true,
  multipleOfPrecision: 8,
  code: { regExp: re2Engine },
} as const satisfies Options;

/**
 * Adds what our dialect needs to an ajv instance: every ajv-formats format plus RJSF's
 * `data-url` and `color`, the French identifiers (`frenchFormats`: `siren`, `siret`,
 * `iban`, `bic`, `code-postal`, `telephone-fr`, `code-commune-insee`) and file fields
 * (`x-file`, `attachment-id`), choices from a data source (`x-source`), minus the keywords of other dialects. Idempotent, so it can be
 * given to RJSF as `extenderFn` on the instance RJSF builds.
 *
 * @example
 * customizeValidator({ AjvClass: Ajv2020, ajvOptionsOverrides: FORM_AJV_OPTIONS,
 *   extenderFn: addFormDialect });
 */
export function addFormDialect<A extends Ajv2020>(ajv: A): A {
  // ajv-formats also defines `formatMaximum`…; defining a keyword twice throws.
  if (ajv.getKeyword('formatMaximum') === false) addFormats(ajv);
  for (const [name, format] of Object.entries(rjsfFormats)) ajv.addFormat(name, format);
  for (const [name, validate] of Object.entries(frenchFormats)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  // File fields (`x-file`, a list of `attachment-id`): the server checks each id against
  // the dossier's attachments; here only the shape.
  ajv.addFormat('attachment-id', ATTACHMENT_ID);
  if (ajv.getKeyword(FILE_FIELD_KEYWORD) === false) ajv.addKeyword(fileFieldKeyword);
  // Choices from a data source (`x-source`): the server checks the code against the source.
  if (ajv.getKeyword(SOURCE_FIELD_KEYWORD) === false) ajv.addKeyword(sourceFieldKeyword);
  for (const keyword of Object.keys(FOREIGN_KEYWORDS)) ajv.removeKeyword(keyword);
  return ajv;
}

/**
 * Builds the ajv instance for form, guard, routing, page and input schemas: JSON Schema
 * draft 2020-12 only (a `$schema` naming another dialect fails to compile), strict,
 * every error reported. See `FORM_AJV_OPTIONS` for why each option.
 *
 * ajv keeps every compiled schema for its lifetime, so callers hold one instance per
 * definition (or `removeSchema` after use) rather than one for the whole process.
 *
 * @example
 * const ajv = createFormAjv();
 * const validate = ajv.compile({ type: 'object', properties: { nom: { type: 'string' } } });
 * validate({ nom: 'Dupont' }); // true
 */
export function createFormAjv(): Ajv2020 {
  return addFormDialect(new Ajv2020({ ...FORM_AJV_OPTIONS }));
}
