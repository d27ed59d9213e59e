import { capitalise, quote } from '../support/describe.ts';
import { placeholderText } from '../support/placeholderText.ts';
import {
  DOSSIER_PLACEHOLDERS,
  TEMPLATE_ROOTS,
  templatePlaceholders,
} from '../support/templatePlaceholders.ts';
import { lineNote, templateTexts } from '../support/templateTexts.ts';
import type { LintRule } from '../types.ts';

/**
 * `unknown-placeholder`: a template reads a variable the renderer never provides — a
 * root other than `dossier`, `data` and `input`, or a `dossier.*` property outside the
 * fixed list. It would render empty in every mail or letter. (Unknown `data.*` and
 * `input.*` fields are `unknown-field`'s.)
 *
 * @example
 * // body 'Bonjour {{ usager.nom }}' of notification 0:
 * // { rule: 'unknown-placeholder', pointer: '/notifications/0/body', … }
 */
export const unknownPlaceholder: LintRule = {
  id: 'unknown-placeholder',
  severity: 'error',
  description: 'Un modèle utilise une variable qui n’existe pas.',
  check(context, report) {
    for (const text of templateTexts(context)) {
      const parsed = templatePlaceholders(text.source);
      if (!parsed.ok) continue;
      for (const placeholder of parsed.placeholders) {
        const [root, property] = placeholder.segments;
        const where = `${capitalise(text.name)} utilise ${placeholderText(placeholder.segments)}${lineNote(text.source, placeholder.row)}`;
        if (typeof root !== 'string' || !TEMPLATE_ROOTS.includes(root)) {
          report(
            text.pointer,
            `${where}, qui n’existe pas : les variables disponibles commencent par ${TEMPLATE_ROOTS.map((r) => `« ${r}. »`).join(', ')}.`,
          );
        } else if (
          root === 'dossier' &&
          typeof property === 'string' &&
          !DOSSIER_PLACEHOLDERS.includes(property)
        ) {
          report(
            text.pointer,
            `${where}, mais le dossier n’a pas d’information ${quote(property)} (disponibles : ${DOSSIER_PLACEHOLDERS.join(', ')}).`,
          );
        }
      }
    }
  },
};
