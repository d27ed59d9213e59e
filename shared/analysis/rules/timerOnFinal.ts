import { describeState, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `timer-on-final`: a timer (`after`) counting from a final state never runs — nothing
 * leaves a final state, so the delay is a mistake (often the wrong source state).
 *
 * @example
 * // { id: 'purger', from: ['refuse'], after: 'P1Y', … } at index 8:
 * // { rule: 'timer-on-final', pointer: '/workflow/transitions/8/from/0', … }
 */
export const timerOnFinal: LintRule = {
  id: 'timer-on-final',
  severity: 'warning',
  description: 'Un délai qui part d’un état final, et ne se déclenchera donc jamais.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      if (transition.after === undefined || transition.from === '*') return;
      asArray<string>(transition.from).forEach((from, j) => {
        const state = context.stateById.get(from);
        if (state?.kind !== 'final') return;
        report(
          pointer('workflow', 'transitions', index, 'from', j),
          `Le délai ${quote(transition.after)} de ${describeTransition(transition)} part de ${describeState(state)}, qui est final : aucun dossier n’en sort, le délai ne se déclenchera jamais.`,
        );
      });
    });
  },
};
