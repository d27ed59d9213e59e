import { DETECTABLE_FILE_TYPES, detectableTypesOf, fileFieldsOf } from '../../form/index.ts';
import { quote, quoteList } from '../support/describe.ts';
import type { LintRule } from '../types.ts';

/**
 * `undetectable-file-type`: an `accept` entry naming a type the server does not recognise
 * from a file's content (`application/msword`, `text/*`). Uploads are checked by content
 * and refused unless recognised, so no file of that type could ever be attached — a
 * field accepting only such types could never be filled.
 *
 * @example
 * // 'x-file': { accept: ['application/msword'] } on `justificatif`:
 * // { rule: 'undetectable-file-type', pointer: '/form/schema/properties/justificatif/x-file/accept/0', … }
 */
export const undetectableFileType: LintRule = {
  id: 'undetectable-file-type',
  severity: 'error',
  description: 'Un type de fichier accepté que le serveur ne sait pas reconnaître.',
  check(context, report) {
    for (const field of fileFieldsOf(context.definition.form.schema)) {
      field.options.accept?.forEach((entry, index) => {
        if (detectableTypesOf(entry).length > 0) return;
        report(
          `/form/schema${field.pointer}/x-file/accept/${index}`,
          `Le champ fichier ${quote(field.path)} accepte ${quote(entry)}, un type que le serveur ne sait pas reconnaître : aucun fichier de ce type ne pourra être joint. Types reconnus : ${quoteList(Object.keys(DETECTABLE_FILE_TYPES))}.`,
        );
      });
    }
  },
};
