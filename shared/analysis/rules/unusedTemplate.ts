import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `unused-template`: a notification or letter no transition sends — often the effect
 * was forgotten, or names a misspelt template (see `unknown-template`).
 *
 * @example
 * // letters: [{ id: 'relance', … }] and no `letter` effect naming it:
 * // { rule: 'unused-template', pointer: '/letters/2', … }
 */
export const unusedTemplate: LintRule = {
  id: 'unused-template',
  severity: 'warning',
  description: 'Un modèle de notification ou de courrier qu’aucune transition n’utilise.',
  check(context, report) {
    context.notifications.forEach((template, index) => {
      if (context.templateUses.notify.has(template.id)) return;
      report(
        pointer('notifications', index),
        `Le modèle de notification ${quote(template.id)} n’est envoyé par aucune transition.`,
      );
    });
    context.letters.forEach((template, index) => {
      if (context.templateUses.letter.has(template.id)) return;
      report(
        pointer('letters', index),
        `Le modèle de courrier ${quote(template.id)} n’est produit par aucune transition.`,
      );
    });
  },
};
