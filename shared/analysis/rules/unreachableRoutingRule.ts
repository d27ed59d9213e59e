import { quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';
import { matchesAll } from './routingWithoutDefault.ts';

/**
 * `unreachable-routing-rule`: rules apply in order and the first match wins, so a rule
 * after one without condition is never used (usually the default was put first).
 *
 * @example
 * // routing: [{ id: 'defaut', unit: 'ccas' }, { id: 'couples', when: {…}, … }]
 * // { rule: 'unreachable-routing-rule', pointer: '/routing/1', … }
 */
export const unreachableRoutingRule: LintRule = {
  id: 'unreachable-routing-rule',
  severity: 'warning',
  description:
    'Une règle d’aiguillage placée après une règle sans condition, donc jamais appliquée.',
  check(context, report) {
    const first = context.routing.findIndex((rule) => matchesAll(rule.when));
    if (first === -1) return;
    const catchAll = context.routing[first];
    context.routing.slice(first + 1).forEach((rule, offset) => {
      report(
        pointer('routing', first + 1 + offset),
        `La règle d’aiguillage ${quote(rule.id)} ne sera jamais appliquée : la règle ${quote(catchAll?.id)}, placée avant elle, n’a pas de condition et aiguille déjà tous les dossiers. Placez la règle par défaut en dernier.`,
      );
    });
  },
};
