import { dataGuard } from '../support/dataGuard.ts';
import { capitalise, describeTransition } from '../support/describe.ts';
import { analyseCondition } from '../support/schemaContradictions.ts';
import type { LintRule } from '../types.ts';

/**
 * `unsatisfiable-guard`: a transition's guard contains a test no dossier can pass —
 * `false`, a minimum above the maximum, a `const` outside its `enum`, a value the form
 * never offers for that field, a type the field never has. The transition would never be
 * offered. Told statically, without compiling anything.
 *
 * @example
 * // guard { properties: { situation: { const: 'veuf' } } } while the form offers seul/couple:
 * // { rule: 'unsatisfiable-guard', pointer: '/workflow/transitions/5/guard/properties/situation', … }
 */
export const unsatisfiableGuard: LintRule = {
  id: 'unsatisfiable-guard',
  severity: 'error',
  description: 'La condition d’une transition ne peut jamais être remplie.',
  check(context, report) {
    context.transitions.forEach((transition, index) => {
      const guard = dataGuard(transition, index);
      if (guard === undefined) return;
      const name = capitalise(describeTransition(transition));
      for (const found of analyseCondition(guard.schema, context.form, guard.pointer)
        .contradictions) {
        report(found.pointer, `${name} ne sera jamais possible. ${found.message}`);
      }
    });
  },
};
