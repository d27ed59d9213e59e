import { fullFormats } from 'ajv-formats/dist/formats.js';
import { ATTACHMENT_ID } from './fileFieldKeyword.ts';
import { frenchFormats } from './frenchFormats.ts';
import { rjsfFormats } from './rjsfFormats.ts';

/**
 * Every format of the form dialect, shaped exactly as `addFormDialect` adds them, so
 * ajv's standalone code can name them as `standaloneFormats["siret"]` (its
 * `code.formats` option). The server bundles this module into each published version's
 * validators: the browser then checks the same formats with the same functions.
 *
 * @example
 * new Ajv2020({ code: { source: true, formats: _`require("…/standaloneFormats.ts").standaloneFormats` } });
 */
export const standaloneFormats: Readonly<Record<string, unknown>> = {
  ...fullFormats,
  ...rjsfFormats,
  ...Object.fromEntries(
    Object.entries(frenchFormats).map(([name, validate]) => [name, { type: 'string', validate }]),
  ),
  'attachment-id': ATTACHMENT_ID,
};
