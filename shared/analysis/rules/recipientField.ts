import { describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { declaredFormat } from '../support/transitionInput.ts';
import type { LintRule } from '../types.ts';

/**
 * `recipient-field`: a notification sent to the address typed in a form field
 * (`{ kind: 'field' }`) needs that field, declared `format: email` — otherwise the form
 * lets anything through and the mail goes nowhere (skipped at send time).
 *
 * @example
 * // to { kind: 'field', field: 'contact' } while contact has no format:
 * // { rule: 'recipient-field', pointer: '/workflow/transitions/4/effects/0/to/field', … }
 */
export const recipientField: LintRule = {
  id: 'recipient-field',
  severity: 'error',
  description:
    'Une notification adressée à un champ absent ou qui n’est pas une adresse électronique.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      (transition.effects ?? []).forEach((effect, j) => {
        if (effect.type !== 'notify' || effect.to?.kind !== 'field') return;
        const at = pointer('workflow', 'transitions', index, 'effects', j, 'to', 'field');
        const name = describeTransition(transition);
        const field = context.form.properties.get(effect.to.field);
        if (field === undefined) {
          report(
            at,
            `La notification de ${name} part à l’adresse du champ ${quote(effect.to.field)}, qui n’existe pas dans le formulaire.`,
          );
        } else if (declaredFormat(field) !== 'email') {
          report(
            at,
            `La notification de ${name} part à l’adresse du champ ${quote(effect.to.field)}, qui n’est pas déclaré comme adresse électronique (format « email ») : le formulaire accepterait n’importe quel texte.`,
          );
        }
      });
    });
  },
};
