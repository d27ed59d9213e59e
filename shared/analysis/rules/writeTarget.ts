import { capitalise, describeState, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { declaredType, inputProperty } from '../support/transitionInput.ts';
import type { LintRule } from '../types.ts';

/**
 * `write-target`: a transition that `writes` into the dossier must copy an input field
 * it asks for into a form field that exists, of the same type (an integer fits a number,
 * not the reverse), and that the applicant cannot edit in the state it leads to — an
 * amount granted the citizen could overwrite is no decision.
 *
 * @example
 * // writes [{ field: 'montantAccorde', fromInput: 'montant' }] with montant a string:
 * // { rule: 'write-target', pointer: '/workflow/transitions/4/writes/0', … }
 */
export const writeTarget: LintRule = {
  id: 'write-target',
  severity: 'error',
  description:
    'Une transition écrit dans un champ absent, d’un autre type, ou modifiable par le demandeur.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      (transition.writes ?? []).forEach((write, j) => {
        const at = (...rest: string[]) =>
          pointer('workflow', 'transitions', index, 'writes', j, ...rest);
        const name = describeTransition(transition);
        const field = context.form.properties.get(write.field);
        if (field === undefined) {
          report(
            at('field'),
            `${capitalise(name)} écrit dans le champ ${quote(write.field)}, qui n’existe pas dans le formulaire.`,
          );
          return;
        }
        const source = inputProperty(transition, write.fromInput);
        if (source === undefined) {
          report(
            at('fromInput'),
            `${capitalise(name)} recopie la saisie ${quote(write.fromInput)}, que son formulaire d’action (input) ne demande pas.`,
          );
          return;
        }
        const from = declaredType(source);
        const to = declaredType(field);
        if (
          from !== undefined &&
          to !== undefined &&
          from !== to &&
          !(from === 'integer' && to === 'number')
        ) {
          report(
            at(),
            `${capitalise(name)} recopie ${quote(write.fromInput)} (${from}) dans ${quote(write.field)} (${to}) : les types diffèrent.`,
          );
        }
        const target = context.stateById.get(transition.to);
        const editable = (target?.editable ?? []).some(
          (rule) =>
            rule.by.includes('applicant') &&
            (rule.fields === '*' || rule.fields.includes(write.field)),
        );
        if (target !== undefined && editable) {
          report(
            at('field'),
            `Le demandeur peut modifier ${quote(write.field)} dans ${describeState(target)}, où mène ${name} : il pourrait changer ce que l’agent y a écrit.`,
          );
        }
      });
    });
  },
};
