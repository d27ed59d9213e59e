import { capitalise, describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `final-without-outcome`: a final state must say how the dossier ended (accepted,
 * rejected, withdrawn, closed) — statistics, the citizen's notice and archiving rely on it.
 *
 * @example
 * // { id: 'clos', label: 'Clos', kind: 'final' } at index 4:
 * // { rule: 'final-without-outcome', pointer: '/workflow/states/4', … }
 */
export const finalWithoutOutcome: LintRule = {
  id: 'final-without-outcome',
  severity: 'error',
  description: 'Un état final qui ne dit pas comment le dossier s’est terminé.',
  check(context, report) {
    context.states.forEach((state, index) => {
      if (state.kind !== 'final' || state.outcome !== undefined) return;
      report(
        pointer('workflow', 'states', index),
        `${capitalise(describeState(state))} est final mais n’indique pas l’issue du dossier : choisissez « accepté », « refusé », « retiré » ou « clos ».`,
      );
    });
  },
};
