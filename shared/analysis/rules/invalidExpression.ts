import { closestName } from '../../definition/index.ts';
import { describeArity, expressionProblems, OPERATIONS } from '../../expressions/index.ts';
import { quote } from '../support/describe.ts';
import { expressionSites } from '../support/expressionSites.ts';
import { childPointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

const NAMES = Object.keys(OPERATIONS);

/**
 * `invalid-expression`: an expression (computed value, form rule, effect condition) names
 * an operation the language does not have, gives one the wrong number of arguments, or
 * nests too deep. It could never run: a computed value would stay empty, a rule never
 * check, an effect never happen.
 *
 * @example
 * // computed: [{ field: 'age', expression: { agee: [{ var: 'naissance' }] } }]
 * // { rule: 'invalid-expression', pointer: '/computed/0/expression/agee', message: '… « agee » … « age » ?' }
 */
export const invalidExpression: LintRule = {
  id: 'invalid-expression',
  severity: 'error',
  description: 'Une expression qui ne peut pas s’exécuter (opération inconnue, mauvais arguments).',
  check(context, report) {
    for (const site of expressionSites(context)) {
      for (const problem of expressionProblems(site.expression)) {
        const at = problem.path.reduce<string>((p, step) => childPointer(p, step), site.pointer);
        const error = problem.error;
        if (error.code === 'UNKNOWN_OPERATION') {
          const close = closestName(error.operation, NAMES);
          const hint = close === undefined ? '' : ` Vouliez-vous dire ${quote(close)} ?`;
          report(
            at,
            `${site.owner} utilise l’opération inconnue ${quote(error.operation)} : elle ne pourra pas être calculée.${hint}`,
          );
        } else if (error.code === 'BAD_ARGUMENTS') {
          const operation = OPERATIONS[error.operation];
          const expected = operation ? describeArity(...operation.arity) : error.expected;
          report(
            at,
            `${site.owner} donne à l’opération ${quote(error.operation)} un nombre d’arguments qu’elle n’accepte pas (elle attend ${expected}).`,
          );
        } else {
          report(at, `${site.owner} est imbriquée trop profondément pour être calculée.`);
        }
      }
    }
  },
};
