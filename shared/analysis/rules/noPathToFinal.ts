import { describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `no-path-to-final`: a state that can be left, but only into states that never lead to
 * a final one (a loop with no exit): its dossiers can never be closed. States nothing
 * leaves are `dead-end`'s, and a workflow without final state is `no-final-state`'s.
 *
 * @example
 * // 'a' ⇄ 'b', nothing else leaves them:
 * // { rule: 'no-path-to-final', pointer: '/workflow/states/2', … }
 */
export const noPathToFinal: LintRule = {
  id: 'no-path-to-final',
  severity: 'warning',
  description: 'Un état d’où aucun enchaînement de transitions ne mène à un état final.',
  check(context, report) {
    if (!context.states.some((state) => state.kind === 'final')) return;
    context.states.forEach((state, index) => {
      if (state.kind === 'final' || context.graph.canFinish.has(state.id)) return;
      if ((context.graph.outgoing.get(state.id) ?? []).length === 0) return;
      if (context.stateById.get(state.id) !== state) return;
      report(
        pointer('workflow', 'states', index),
        `Depuis ${describeState(state)}, aucun enchaînement de transitions ne mène à un état final : ses dossiers tourneraient en rond sans jamais être clos.`,
      );
    });
  },
};
