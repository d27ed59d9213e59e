import { capitalise, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { declaredType, inputProperty } from '../support/transitionInput.ts';
import type { LintRule } from '../types.ts';

/**
 * `unit-from-input`: an `assign` whose unit comes from the actor's input needs that
 * input field, a string (a unit code); otherwise the dossier never moves.
 *
 * @example
 * // effects [{ type: 'assign', unitFromInput: 'service' }] without an input `service`:
 * // { rule: 'unit-from-input', pointer: '/workflow/transitions/3/effects/0/unitFromInput', … }
 */
export const unitFromInput: LintRule = {
  id: 'unit-from-input',
  severity: 'error',
  description:
    'Une affectation à un service saisi dans un champ d’action absent ou qui n’est pas un texte.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      (transition.effects ?? []).forEach((effect, j) => {
        if (effect.type !== 'assign' || effect.unitFromInput === undefined) return;
        const at = pointer('workflow', 'transitions', index, 'effects', j, 'unitFromInput');
        const property = inputProperty(transition, effect.unitFromInput);
        const name = describeTransition(transition);
        if (property === undefined) {
          report(
            at,
            `${capitalise(name)} affecte le dossier au service saisi dans ${quote(effect.unitFromInput)}, que son formulaire d’action (input) ne demande pas.`,
          );
        } else if (!['string', undefined].includes(declaredType(property))) {
          report(
            at,
            `${capitalise(name)} affecte le dossier au service saisi dans ${quote(effect.unitFromInput)}, qui n’est pas un texte (un code de service).`,
          );
        }
      });
    });
  },
};
