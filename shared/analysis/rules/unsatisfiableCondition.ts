import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { analyseCondition } from '../support/schemaContradictions.ts';
import type { LintRule, Severity } from '../types.ts';

/**
 * `unsatisfiable-condition`: a routing rule, a page condition or a page's checks contain
 * a test no data can pass (see `unsatisfiable-guard` for what is detected). A dead
 * routing rule or a never-shown page is a warning; checks that can never pass are an
 * error, since the citizen could never leave the page.
 *
 * @example
 * // page 1 checks { properties: { revenuMensuel: { maximum: -1 } } }:
 * // { rule: 'unsatisfiable-condition', severity: 'error', pointer: '/form/pages/1/checks/properties/revenuMensuel', … }
 */
export const unsatisfiableCondition: LintRule = {
  id: 'unsatisfiable-condition',
  severity: 'warning',
  description:
    'Une règle d’aiguillage, une condition d’affichage ou une vérification de page jamais remplie.',
  check(context, report) {
    const analyse = (schema: unknown, at: string, lead: string, severity: Severity) => {
      if (schema === undefined) return;
      for (const found of analyseCondition(schema, context.form, at).contradictions) {
        report(found.pointer, `${lead} ${found.message}`, severity);
      }
    };
    context.routing.forEach((rule, i) => {
      const lead = `La règle d’aiguillage ${quote(rule.id)} ne s’appliquera jamais.`;
      analyse(rule.when, pointer('routing', i, 'when'), lead, 'warning');
    });
    context.pages.forEach((page, i) => {
      const name = quote(page.title);
      analyse(
        page.condition,
        pointer('form', 'pages', i, 'condition'),
        `La page ${name} ne sera jamais affichée.`,
        'warning',
      );
      analyse(
        page.checks,
        pointer('form', 'pages', i, 'checks'),
        `Les vérifications de la page ${name} ne pourront jamais être satisfaites : l’usager resterait bloqué sur cette page.`,
        'error',
      );
    });
  },
};
