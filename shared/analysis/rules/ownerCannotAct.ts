import { capitalise, describeState, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray, isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

const ROLE_NAMES: Readonly<Record<string, string>> = {
  applicant: 'l’usager',
  agent: 'un agent',
  supervisor: 'un superviseur',
  admin: 'un administrateur',
  system: 'le système',
};

/**
 * `owner-cannot-act`: the state's dossiers show up as waiting for its owner role, yet no
 * transition leaving it lets that role act — the queue asks someone who cannot answer.
 *
 * @example
 * // { id: 'complement', owner: { role: 'applicant' } } left only by agent transitions:
 * // { rule: 'owner-cannot-act', pointer: '/workflow/states/3/owner/role', … }
 */
export const ownerCannotAct: LintRule = {
  id: 'owner-cannot-act',
  severity: 'warning',
  description:
    'Le rôle responsable d’un état ne peut déclencher aucune des transitions qui en partent.',
  check(context, report) {
    context.states.forEach((state, index) => {
      const role = isObject(state.owner) ? state.owner.role : undefined;
      if (role === undefined || state.kind === 'final') return;
      const outgoing = context.graph.outgoing.get(state.id) ?? [];
      // With no way out at all, `dead-end` already says everything.
      if (outgoing.length === 0 || context.stateById.get(state.id) !== state) return;
      const canAct = outgoing.some((i) => {
        const transition = context.transitions[i];
        if (transition === undefined || !asArray(transition.by).includes(role)) return false;
        return role !== 'system' || transition.after !== undefined;
      });
      if (canAct) return;
      report(
        pointer('workflow', 'states', index, 'owner', 'role'),
        `${capitalise(describeState(state))} attend une action de ${ROLE_NAMES[role] ?? quote(role)}, mais aucune transition qui en part ne lui est ouverte. Changez le responsable, ou ouvrez-lui une transition.`,
      );
    });
  },
};
