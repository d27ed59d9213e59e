import { describeState } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `initial-not-draft`: new dossiers start in the initial state; unless it is a draft,
 * the citizen cannot fill the form before the dossier lands in agents' queues.
 *
 * @example
 * // initialState 'depose' (kind 'active'):
 * // { rule: 'initial-not-draft', pointer: '/workflow/initialState', … }
 */
export const initialNotDraft: LintRule = {
  id: 'initial-not-draft',
  severity: 'warning',
  description: 'L’état initial n’est pas un brouillon.',
  check(context, report) {
    const initial = context.stateById.get(context.initialState);
    if (initial === undefined || initial.kind === 'draft') return;
    report(
      pointer('workflow', 'initialState'),
      `L’état initial, ${describeState(initial)}, n’est pas un brouillon : l’usager ne pourra pas préparer sa demande avant qu’elle n’arrive chez les agents.`,
    );
  },
};
