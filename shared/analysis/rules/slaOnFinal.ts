import { capitalise, describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `sla-on-final`: a closed dossier has nothing left to do, so a time limit on a final
 * state sets due dates that turn every closed dossier into a late one.
 *
 * @example
 * // { id: 'accepte', kind: 'final', outcome: 'accepted', sla: 'P5D' } at index 4:
 * // { rule: 'sla-on-final', pointer: '/workflow/states/4/sla', … }
 */
export const slaOnFinal: LintRule = {
  id: 'sla-on-final',
  severity: 'warning',
  description: 'Un délai de traitement sur un état final.',
  check(context, report) {
    context.states.forEach((state, index) => {
      if (state.kind !== 'final' || state.sla === undefined) return;
      report(
        pointer('workflow', 'states', index, 'sla'),
        `${capitalise(describeState(state))} est final : un délai de traitement n’y a pas de sens et ferait apparaître les dossiers clos en retard. Retirez-le.`,
      );
    });
  },
};
