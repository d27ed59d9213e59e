import type { FormDefinition } from '../../definition/types.ts';
import { hasChoiceLabels } from '../../templating/index.ts';
import { capitalise } from '../support/describe.ts';
import { templateTexts } from '../support/templateTexts.ts';
import type { LintRule } from '../types.ts';

// `| label` and its argument, as written: `label: "situation"`, `label:'adresse.type'`.
const LABEL_FILTER = /\|\s*label\b(?:\s*:\s*(?:"([^"]*)"|'([^']*)'))?/g;

/**
 * `label-filter-field`: a template's `label` filter does not name a choice field with
 * labels (`{{ data.situation | label: "situaton" }}`, or no field at all). `label` then
 * prints the stored code (`couple`) instead of what the citizen chose (« En couple »).
 *
 * @example
 * // letter 0 body '{{ data.nom | label: "nom" }}':
 * // { rule: 'label-filter-field', pointer: '/letters/0/body', … }
 */
export const labelFilterField: LintRule = {
  id: 'label-filter-field',
  severity: 'warning',
  description: 'Le filtre « label » d’un modèle ne désigne pas un champ à choix.',
  check(context, report) {
    const form = context.definition.form as FormDefinition | undefined;
    for (const text of templateTexts(context)) {
      for (const match of text.source.matchAll(LABEL_FILTER)) {
        const field = match[1] ?? match[2];
        if (field === undefined) {
          report(
            text.pointer,
            `${capitalise(text.name)} utilise le filtre « label » sans dire de quel champ : écrivez par exemple {{ data.situation | label: "situation" }}.`,
          );
        } else if (form === undefined || !hasChoiceLabels(form, field)) {
          report(
            text.pointer,
            `${capitalise(text.name)} utilise le filtre « label » sur « ${field} », qui n’est pas un champ à choix avec des libellés (oneOf avec « title », ou enum avec « ui:enumNames ») : le code enregistré serait imprimé tel quel.`,
          );
        }
      }
    }
  },
};
