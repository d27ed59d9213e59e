import { err, ok, type Result } from '../result.ts';
import { compileExpression } from './compileExpression.ts';
import type { CompiledNode, OperationContext } from './operation.ts';
import type { Expression, ExpressionError, ExpressionScope } from './types.ts';

/** Most operations one evaluation runs: every call ends, and soon. */
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
  const evaluation = new Evaluation(scope);
  const value = compileExpression(expression)(evaluation);
  return evaluation.failure === null ? ok(value) : err(evaluation.failure);
}

/** One run of a compiled expression: its scope, its step count, its first failure. */
class Evaluation implements OperationContext {
  steps = 0;
  failure: ExpressionError | null = null;

  constructor(readonly scope: ExpressionScope) {}

  evaluate(arg: CompiledNode | undefined): unknown {
    return arg === undefined ? null : arg(this);
  }

  enter(): boolean {
    if (this.failure !== null) return false;
    if (++this.steps > MAX_STEPS) {
      this.failure = { code: 'TOO_COMPLEX' };
      return false;
    }
    return true;
  }

  fail(error: ExpressionError): null {
    this.failure ??= error;
    return null;
  }
}
