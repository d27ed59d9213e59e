import { describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `unreachable-state`: a state no sequence of fireable transitions leads to from the
 * initial state (global transitions count from every active state). Its dossiers would
 * never exist; usually a transition is missing or points elsewhere.
 *
 * @example
 * // A state `archive` nobody transitions to:
 * // { rule: 'unreachable-state', pointer: '/workflow/states/7', … }
 */
export const unreachableState: LintRule = {
  id: 'unreachable-state',
  severity: 'error',
  description: 'Un état qu’aucun enchaînement de transitions n’atteint depuis l’état initial.',
  check(context, report) {
    const initial = context.stateById.get(context.initialState);
    if (initial === undefined) return; // `unknown-state` says so; everything would be flagged.
    context.states.forEach((state, index) => {
      if (context.graph.reachable.has(state.id)) return;
      if (context.stateById.get(state.id) !== state) return; // a duplicate: `duplicate-id`.
      report(
        pointer('workflow', 'states', index),
        `Aucun enchaînement de transitions ne mène à ${describeState(state)} depuis ${describeState(initial)} : aucun dossier ne pourra s’y trouver. Ajoutez une transition vers cet état, ou supprimez-le.`,
      );
    });
  },
};
