import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `no-final-state`: without a final state no dossier can ever be closed, decided or
 * archived.
 *
 * @example
 * // every state active or draft:
 * // { rule: 'no-final-state', pointer: '/workflow/states', … }
 */
export const noFinalState: LintRule = {
  id: 'no-final-state',
  severity: 'error',
  description: 'Le circuit n’a aucun état final.',
  check(context, report) {
    if (context.states.some((state) => state.kind === 'final')) return;
    report(
      pointer('workflow', 'states'),
      'Le circuit n’a aucun état final : aucun dossier ne pourra être clos. Ajoutez au moins un état final (accepté, refusé, retiré ou clos).',
    );
  },
};
