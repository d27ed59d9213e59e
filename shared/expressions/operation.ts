import type { ExpressionError, ExpressionScope } from './types.ts';

export type Evaluator = (node: unknown, depth: number) => unknown;

/** What an operation gets besides its (unevaluated) arguments. */
export interface OperationContext {
  evaluate: Evaluator;
  depth: number;
  scope: ExpressionScope;
  fail: (error: ExpressionError) => null;
}

/** One json-logic operation. */
export interface Operation {
  /** Arguments arrive unevaluated, so `if`, `and`, `or` evaluate only what they need. */
  run(args: readonly unknown[], context: OperationContext): unknown;
  /** How many arguments it takes: `[min, max]`, max `null` for any number. */
  arity: readonly [number, number | null];
  /** What it gives, for the linter's type checks; `any` when it depends. */
  returns: 'number' | 'boolean' | 'string' | 'date' | 'any';
}

/** Evaluates every argument, in order. */
export function evaluateAll(args: readonly unknown[], context: OperationContext): unknown[] {
  return args.map((arg) => context.evaluate(arg, context.depth));
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
