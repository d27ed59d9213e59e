import { describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `outcome-on-non-final`: an outcome on a state that is not final is ignored (a dossier
 * has an outcome only once closed); it usually means the kind was meant to be `final`.
 *
 * @example
 * // { id: 'depose', kind: 'active', outcome: 'accepted' } at index 1:
 * // { rule: 'outcome-on-non-final', pointer: '/workflow/states/1/outcome', … }
 */
export const outcomeOnNonFinal: LintRule = {
  id: 'outcome-on-non-final',
  severity: 'warning',
  description: 'Une issue indiquée sur un état qui n’est pas final, donc sans effet.',
  check(context, report) {
    context.states.forEach((state, index) => {
      if (state.kind === 'final' || state.outcome === undefined) return;
      report(
        pointer('workflow', 'states', index, 'outcome'),
        `L’issue indiquée sur ${describeState(state)} sera ignorée : seul un état final donne son issue au dossier. Faites-en un état final, ou retirez l’issue.`,
      );
    });
  },
};
