import { fileFieldsOf } from '../../form/index.ts';
import { quote } from '../support/describe.ts';
import type { LintRule } from '../types.ts';

/**
 * `file-field-without-accept`: a file field (`x-file`) that does not say which types it
 * takes accepts any PDF or image — rarely what a procedure asking for a given piece
 * (a tax notice, a birth certificate) wants.
 *
 * @example
 * // properties.justificatif = { type: 'array', …, 'x-file': {} }:
 * // { rule: 'file-field-without-accept', pointer: '/form/schema/properties/justificatif/x-file', … }
 */
export const fileFieldWithoutAccept: LintRule = {
  id: 'file-field-without-accept',
  severity: 'warning',
  description: 'Un champ fichier qui ne précise pas les types de fichiers acceptés.',
  check(context, report) {
    for (const field of fileFieldsOf(context.definition.form.schema)) {
      if (field.options.accept !== undefined) continue;
      report(
        `/form/schema${field.pointer}/x-file`,
        `Le champ fichier ${quote(field.path)} ne précise pas les types acceptés (« accept ») : il prendra tout PDF ou toute image. Indiquez par exemple ["application/pdf"].`,
      );
    }
  },
};
