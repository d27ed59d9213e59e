import { ROLES } from '../../definition/types.ts';
import { capitalise, describeState, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray, isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `unknown-state`: the initial state, a transition's source or target, or a state's
 * owner role names something the definition does not declare (often a renamed state).
 *
 * @example
 * // { id: 'accepter', from: ['instruction'], … } while the state is `en_instruction`:
 * // { rule: 'unknown-state', pointer: '/workflow/transitions/5/from/0', … }
 */
export const unknownState: LintRule = {
  id: 'unknown-state',
  severity: 'error',
  description: 'Un état (ou un rôle responsable) mentionné mais jamais déclaré.',
  check(context, report) {
    const known = (id: unknown) => typeof id === 'string' && context.stateById.has(id);
    if (!known(context.initialState)) {
      report(
        pointer('workflow', 'initialState'),
        `L’état initial ${quote(context.initialState)} n’est pas déclaré dans les états du circuit.`,
      );
    }
    context.transitions.forEach((transition, index) => {
      const name = describeTransition(transition);
      if (transition.from !== '*') {
        for (const [j, from] of asArray<unknown>(transition.from).entries()) {
          if (known(from)) continue;
          report(
            pointer('workflow', 'transitions', index, 'from', j),
            `${capitalise(name)} part de l’état ${quote(from)}, qui n’est pas déclaré.`,
          );
        }
      }
      if (!known(transition.to)) {
        report(
          pointer('workflow', 'transitions', index, 'to'),
          `${capitalise(name)} mène à l’état ${quote(transition.to)}, qui n’est pas déclaré.`,
        );
      }
    });
    context.states.forEach((state, index) => {
      const role = isObject(state.owner) ? state.owner.role : undefined;
      if (role === undefined || ROLES.includes(role)) return;
      report(
        pointer('workflow', 'states', index, 'owner', 'role'),
        `Le rôle responsable de ${describeState(state)}, ${quote(role)}, n’existe pas (rôles possibles : ${ROLES.join(', ')}).`,
      );
    });
  },
};
