import type { ExpressionError, ExpressionScope } from './types.ts';

/**
 * An expression node made ready to run (`compileExpression`): a literal, an array or an
 * operation with its arguments already compiled. Runs in one evaluation's context.
 */
export type CompiledNode = (context: OperationContext) => unknown;

/** One evaluation: what it reads, and its step count and failure. */
export interface OperationContext {
  readonly scope: ExpressionScope;
  /** Runs one argument; a missing one is `null`. */
  evaluate(arg: CompiledNode | undefined): unknown;
  /** Counts one step; false once the evaluation failed or ran too many steps. */
  enter(): boolean;
  /** Records the evaluation's first failure; the nodes still running give `null`. */
  fail(error: ExpressionError): null;
}

/** One json-logic operation. */
export interface Operation {
  /** Arguments arrive unevaluated, so `if`, `and`, `or` evaluate only what they need. */
  run(args: readonly CompiledNode[], context: OperationContext): unknown;
  /** How many arguments it takes: `[min, max]`, max `null` for any number. */
  arity: readonly [number, number | null];
  /** What it gives, for the linter's type checks; `any` when it depends. */
  returns: 'number' | 'boolean' | 'string' | 'date' | 'any';
}

/** Evaluates every argument, in order. */
export function evaluateAll(args: readonly CompiledNode[], context: OperationContext): unknown[] {
  const values = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) values[i] = context.evaluate(args[i]);
  return values;
}

/**
 * Whether a value counts as true, as json-logic says: `false`, `null`, `0`, `""` and
 * `[]` do not.
 */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
