import { capitalise, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `timer-without-system`: the runtime fires timers as the `system` actor, and the engine
 * still checks `by`; without `system` there the delay passes and nothing happens.
 *
 * @example
 * // { id: 'relancer', after: 'P7D', by: ['agent'], … } at index 8:
 * // { rule: 'timer-without-system', pointer: '/workflow/transitions/8/by', … }
 */
export const timerWithoutSystem: LintRule = {
  id: 'timer-without-system',
  severity: 'warning',
  description: 'Un délai sur une transition que le système n’a pas le droit de déclencher.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      if (transition.after === undefined || asArray(transition.by).includes('system')) return;
      report(
        pointer('workflow', 'transitions', index, 'by'),
        `${capitalise(describeTransition(transition))} a un délai (${quote(transition.after)}) mais le rôle « system » n’est pas autorisé à la déclencher : le délai passera sans effet. Ajoutez « system » aux rôles.`,
      );
    });
  },
};
