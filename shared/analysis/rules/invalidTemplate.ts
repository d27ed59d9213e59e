import { capitalise } from '../support/describe.ts';
import { templatePlaceholders } from '../support/templatePlaceholders.ts';
import { lineNote, templateTexts } from '../support/templateTexts.ts';
import type { LintRule } from '../types.ts';

/**
 * `invalid-template`: a notification or letter text is not valid liquid (an unclosed
 * `{{`, an `{% if %}` without `{% endif %}`, an unknown tag): it could not be rendered.
 *
 * @example
 * // body 'Bonjour {{ data.prenom' of notification 0:
 * // { rule: 'invalid-template', pointer: '/notifications/0/body', … }
 */
export const invalidTemplate: LintRule = {
  id: 'invalid-template',
  severity: 'error',
  description: 'Un modèle de notification ou de courrier mal écrit, impossible à produire.',
  check(context, report) {
    for (const text of templateTexts(context)) {
      const parsed = templatePlaceholders(text.source);
      // An unknown filter has its own rule and message (`unknown-template-filter`).
      if (parsed.ok || parsed.unknownFilter !== undefined) continue;
      report(
        text.pointer,
        `${capitalise(text.name)} contient une erreur d’écriture${lineNote(text.source, parsed.row) || `, colonne ${parsed.col}`} : vérifiez que chaque {{ et {% est bien refermé et que chaque {% if %} a son {% endif %}. (Détail technique : ${parsed.detail}.)`,
      );
    }
  },
};
