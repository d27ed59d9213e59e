import { quote } from '../support/describe.ts';
import { hiddenBecause } from '../support/fieldVisibility.ts';
import { pointer } from '../support/pointer.ts';
import { asArray, isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `rule-on-hidden-field`: a form rule puts its message beside a field the citizen never
 * sees. When it fails, the submission is refused with a message nobody can read next
 * to anything they can change.
 *
 * @example
 * // form.rules: [{ id: 'r', field: 'iban', … }] with 'iban' on no page
 * // { rule: 'rule-on-hidden-field', pointer: '/form/rules/0/field', … }
 */
export const ruleOnHiddenField: LintRule = {
  id: 'rule-on-hidden-field',
  severity: 'error',
  description: 'Une règle du formulaire dont le message s’afficherait à côté d’un champ invisible.',
  check(context, report) {
    const form = isObject(context.definition.form) ? context.definition.form : undefined;
    asArray<unknown>(form?.rules).forEach((rule, i) => {
      if (!isObject(rule) || typeof rule['field'] !== 'string') return;
      const field = rule['field'];
      if (!context.form.properties.has(field)) return; // unknown-field's business
      const why = hiddenBecause(context, field);
      if (why === null) return;
      report(
        pointer('form', 'rules', i, 'field'),
        `La règle ${quote(rule['id'])} affiche son message à côté du champ ${quote(field)}, qui ${why} : l’usager ne verra pas pourquoi sa demande est refusée.`,
      );
    });
  },
};
