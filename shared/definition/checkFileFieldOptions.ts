import type Ajv2020 from 'ajv/dist/2020.js';
import { fieldErrorMessage } from '../form/fieldErrorMessage.ts';
import { FILE_FIELD_OPTIONS_SCHEMA } from '../form/fileFieldKeyword.ts';

/**
 * The first problem of a file field's `x-file` options, with the place inside them, or
 * null: ajv would refuse them too when compiling, but in English and at the form's root.
 *
 * @example
 * checkFileFieldOptions({ acept: ['application/pdf'] }, ajv);
 * // { at: '', issue: 'les options du champ fichier (« x-file ») ne sont pas valides : …' }
 */
export function checkFileFieldOptions(
  options: unknown,
  ajv: Ajv2020,
): { at: string; issue: string } | null {
  if (ajv.validate(FILE_FIELD_OPTIONS_SCHEMA, options)) return null;
  const [error] = ajv.errors ?? [];
  if (error === undefined) return null;
  const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
  const reason =
    typeof extra === 'string'
      ? `« ${extra} » n’est pas une option (options : accept, maxBytes).`
      : fieldErrorMessage(error);
  return {
    at: error.instancePath,
    issue: `les options du champ fichier (« x-file ») ne sont pas valides : ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
  };
}
