import { pointer } from '../support/pointer.ts';
import { isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `routing-without-default`: every routing rule has a condition, so a dossier matching
 * none is assigned to no unit and may sit unnoticed. No routing at all is a choice (any
 * agent picks dossiers up) and is not flagged.
 *
 * @example
 * // routing: [{ id: 'couples', when: {…}, unit: 'ccas-familles' }]
 * // { rule: 'routing-without-default', pointer: '/routing', … }
 */
export const routingWithoutDefault: LintRule = {
  id: 'routing-without-default',
  severity: 'warning',
  description:
    'Aucune règle d’aiguillage par défaut : certains dossiers peuvent n’être aiguillés vers aucune unité.',
  check(context, report) {
    if (context.routing.length === 0 || context.routing.some((rule) => matchesAll(rule.when)))
      return;
    report(
      pointer('routing'),
      'Toutes les règles d’aiguillage ont une condition : un dossier qui n’en remplit aucune ne sera aiguillé vers aucune unité. Ajoutez en dernier une règle sans condition.',
    );
  },
};

/**
 * Whether a routing condition admits every dossier (absent, `true` or `{}`).
 *
 * @example
 * matchesAll(undefined); // true
 */
export function matchesAll(when: unknown): boolean {
  return when === undefined || when === true || (isObject(when) && Object.keys(when).length === 0);
}
