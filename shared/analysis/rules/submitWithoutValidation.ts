import { capitalise, describeTransition } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `submit-without-validation`: a transition taking a draft into processing without
 * `validateForm` lets incomplete or invalid forms reach agents. Leaving a draft for a
 * final state (abandoning it) needs no valid form and is not flagged.
 *
 * @example
 * // { id: 'deposer', from: ['brouillon'], to: 'depose' } without validateForm:
 * // { rule: 'submit-without-validation', pointer: '/workflow/transitions/0', … }
 */
export const submitWithoutValidation: LintRule = {
  id: 'submit-without-validation',
  severity: 'warning',
  description: 'Un dépôt de brouillon qui ne vérifie pas le formulaire.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      if (transition.validateForm === true || transition.from === '*') return;
      const target = context.stateById.get(transition.to);
      if (target === undefined || target.kind !== 'active') return;
      const fromDraft = asArray<string>(transition.from).some(
        (id) => context.stateById.get(id)?.kind === 'draft',
      );
      if (!fromDraft) return;
      report(
        pointer('workflow', 'transitions', index),
        `${capitalise(describeTransition(transition))} fait sortir le dossier du brouillon sans vérifier le formulaire : des demandes incomplètes arriveraient chez les agents. Cochez « valider le formulaire ».`,
      );
    });
  },
};
