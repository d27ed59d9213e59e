import { describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `dead-end`: a state that is not final and that no fireable transition leaves (timers
 * and, for active states, global transitions count). A dossier entering it stays there
 * forever, never closed.
 *
 * @example
 * // An active state `en_attente` with no way out:
 * // { rule: 'dead-end', pointer: '/workflow/states/3', … }
 */
export const deadEnd: LintRule = {
  id: 'dead-end',
  severity: 'error',
  description: 'Un état non final dont aucune transition ne permet de sortir.',
  check(context, report) {
    context.states.forEach((state, index) => {
      if (state.kind === 'final' || context.stateById.get(state.id) !== state) return;
      if ((context.graph.outgoing.get(state.id) ?? []).length > 0) return;
      report(
        pointer('workflow', 'states', index),
        `Aucune transition ne permet de sortir de ${describeState(state)}, qui n’est pas un état final : les dossiers y resteraient bloqués. Ajoutez une transition qui en part, ou faites-en un état final.`,
      );
    });
  },
};
