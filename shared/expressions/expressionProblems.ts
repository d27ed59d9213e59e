import { describeArity } from './compileExpression.ts';
import { operationNamed } from './operations.ts';
import type { ExpressionError } from './types.ts';

/** A mistake in an expression, and where: the steps from the expression's root. */
export interface ExpressionProblem {
  path: Array<string | number>;
  error: ExpressionError;
}

const MAX_DEPTH = 64;

/**
 * The mistakes `evaluateExpression` would report, found without data: unknown
 * operations, wrong numbers of arguments, nesting too deep. Every branch is visited
 * (evaluation would skip the ones data does not reach).
 *
 * @example
 * expressionProblems({ if: [{ agee: [{ var: 'naissance' }] }, 1, 0] });
 * // [{ path: ['if', 0, 'agee'], error: { code: 'UNKNOWN_OPERATION', operation: 'agee' } }]
 */
export function expressionProblems(expression: unknown): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  const walk = (node: unknown, path: Array<string | number>): void => {
    if (path.length > MAX_DEPTH) {
      problems.push({ path, error: { code: 'TOO_COMPLEX' } });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, [...path, i]);
      });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const name = keys[0] as string;
    const here = [...path, name];
    const operation = operationNamed(name);
    if (operation === undefined) {
      problems.push({ path: here, error: { code: 'UNKNOWN_OPERATION', operation: name } });
      return;
    }
    const raw = (node as Record<string, unknown>)[name];
    const args = Array.isArray(raw) ? raw : [raw];
    const [min, max] = operation.arity;
    if (args.length < min || (max !== null && args.length > max)) {
      const expected = describeArity(min, max);
      problems.push({ path: here, error: { code: 'BAD_ARGUMENTS', operation: name, expected } });
    }
    if (Array.isArray(raw)) {
      raw.forEach((arg, i) => {
        walk(arg, [...here, i]);
      });
    } else walk(raw, here);
  };
  walk(expression, []);
  return problems;
}
