import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `staff-filing-without-submit`: a démarche that lets staff open dossiers
 * (`access.staff`) whose draft has no way out for the applicant. The back office files
 * such a dossier by firing, as its applicant, a transition that leaves the initial
 * draft: without one, agents could open dossiers and never file them.
 *
 * @example
 * // access.staff set, and only `by: ['agent']` transitions leave `brouillon`:
 * // { rule: 'staff-filing-without-submit', pointer: '/access/staff', … }
 */
export const staffFilingWithoutSubmit: LintRule = {
  id: 'staff-filing-without-submit',
  severity: 'error',
  description: 'Des agents peuvent ouvrir des dossiers que rien ne permet de déposer.',
  check(context, report) {
    if (context.definition.access?.staff === undefined) return;
    const initial = context.definition.workflow.initialState;
    const filed = context.transitions.some(
      (transition) =>
        (transition.from === '*' || asArray<string>(transition.from).includes(initial)) &&
        (transition.by ?? []).includes('applicant'),
    );
    if (filed) return;
    report(
      pointer('access', 'staff'),
      `Les agents peuvent ouvrir des dossiers de cette démarche, mais aucune transition ne fait sortir le demandeur de l’état initial « ${initial} » : ajoutez le demandeur à la transition de dépôt.`,
    );
  },
};
