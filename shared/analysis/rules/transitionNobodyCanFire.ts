import { capitalise, describeTransition } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import { canBeFired } from '../support/workflowGraph.ts';
import type { LintRule } from '../types.ts';

/**
 * `transition-nobody-can-fire`: nobody may fire it (`by: []`), only the runtime may but no
 * timer tells it when (`by: ['system']` without `after`), or it leaves no state at all
 * (`from: []`, or a global transition while no state is active).
 *
 * @example
 * // { id: 'relancer', by: ['system'] } without `after`, at index 3:
 * // { rule: 'transition-nobody-can-fire', pointer: '/workflow/transitions/3/by', … }
 */
export const transitionNobodyCanFire: LintRule = {
  id: 'transition-nobody-can-fire',
  severity: 'error',
  description: 'Une transition que personne ne peut déclencher.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      const name = describeTransition(transition);
      const at = (key: string) => pointer('workflow', 'transitions', index, key);
      if (asArray(transition.by).length === 0) {
        report(at('by'), `Personne ne peut déclencher ${name} : indiquez au moins un rôle.`);
      } else if (!canBeFired(transition)) {
        report(
          at('by'),
          `Seul le système peut déclencher ${name}, mais aucun délai (« after ») ne lui dit quand : elle ne se produira jamais. Ajoutez un délai, ou un rôle qui la déclenche.`,
        );
      }
      if (transition.from === '*') {
        if (!context.states.some((state) => state.kind === 'active')) {
          report(
            at('from'),
            `${capitalise(name)} part de tous les états actifs, mais il n’y en a aucun.`,
          );
        }
      } else if (asArray(transition.from).length === 0) {
        report(
          at('from'),
          `${capitalise(name)} ne part d’aucun état : indiquez au moins un état de départ.`,
        );
      }
    });
  },
};
