import { capitalise, describeState, describeTransition } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `transition-from-final`: a (non-timer) transition listing a final state as source is
 * never offered there — the engine lets nothing leave a final state. Reopening a dossier
 * needs an active "closed" state instead.
 *
 * @example
 * // { id: 'rouvrir', from: ['refuse'], … } at index 8:
 * // { rule: 'transition-from-final', pointer: '/workflow/transitions/8/from/0', … }
 */
export const transitionFromFinal: LintRule = {
  id: 'transition-from-final',
  severity: 'warning',
  description: 'Une transition qui part d’un état final, et ne sera donc jamais proposée.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      // Timers have their own rule, `timer-on-final`.
      if (transition.after !== undefined || transition.from === '*') return;
      asArray<string>(transition.from).forEach((from, j) => {
        const state = context.stateById.get(from);
        if (state?.kind !== 'final') return;
        report(
          pointer('workflow', 'transitions', index, 'from', j),
          `${capitalise(describeTransition(transition))} ne sera jamais proposée depuis ${describeState(state)} : un dossier ne sort pas d’un état final. Pour permettre une réouverture, utilisez un état actif.`,
        );
      });
    });
  },
};
