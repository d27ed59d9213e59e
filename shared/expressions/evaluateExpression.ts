import { err, ok, type Result } from '../result.ts';
import type { Evaluator } from './operation.ts';
import { operationNamed } from './operations.ts';
import type { Expression, ExpressionError, ExpressionScope } from './types.ts';

/** Deepest nesting and most operations one evaluation runs: every call ends, and soon. */
const MAX_DEPTH = 64;
const MAX_STEPS = 10_000;

/**
 * Evaluates a json-logic expression over the dossier data. Pure and total: never throws,
 * reads nothing but `scope`, and gives the same answer in the browser and on the server.
 * Data that is missing or of the wrong type gives `null` (« unknown »); only a mistake in
 * the expression itself (unknown operation, wrong arguments) is an error.
 *
 * @example
 * evaluateExpression({ round: [{ '*': [{ var: 'loyer' }, 0.5] }, 2] }, { data: { loyer: 401.25 }, today: '2026-12-03' });
 * // { ok: true, value: 200.63 }
 */
export function evaluateExpression(
  expression: Expression,
  scope: ExpressionScope,
): Result<unknown, ExpressionError> {
  let steps = 0;
  let failure: ExpressionError | null = null;
  const fail = (error: ExpressionError): null => {
    failure ??= error;
    return null;
  };
  const evaluate: Evaluator = (node, depth) => {
    if (failure !== null) return null;
    if (depth > MAX_DEPTH || ++steps > MAX_STEPS) return fail({ code: 'TOO_COMPLEX' });
    if (Array.isArray(node)) return node.map((item) => evaluate(item, depth + 1));
    if (typeof node !== 'object' || node === null) return node;
    const keys = Object.keys(node);
    // json-logic reads an object with several keys as a literal, not an operation.
    if (keys.length !== 1) return node;
    const name = keys[0] as string;
    const operation = operationNamed(name);
    if (operation === undefined) return fail({ code: 'UNKNOWN_OPERATION', operation: name });
    const raw = (node as Record<string, unknown>)[name];
    const args = Array.isArray(raw) ? raw : [raw];
    const [min, max] = operation.arity;
    if (args.length < min || (max !== null && args.length > max)) {
      return fail({ code: 'BAD_ARGUMENTS', operation: name, expected: describeArity(min, max) });
    }
    const result = operation.run(args, { evaluate, depth: depth + 1, scope, fail });
    return result === undefined ? null : result;
  };
  const value = evaluate(expression, 0);
  return failure === null ? ok(value) : err(failure);
}

/** « 2 arguments », « 1 à 3 arguments », « au moins 1 argument ». */
export function describeArity(min: number, max: number | null): string {
  const plural = (n: number) => `${n} argument${n > 1 ? 's' : ''}`;
  if (max === null) return `au moins ${plural(min)}`;
  return min === max ? plural(min) : `${min} à ${plural(max)}`;
}
