/**
 * A json-logic expression: plain JSON, read by `evaluateExpression`. An object with one
 * key is an operation (`{ "+": [1, { "var": "loyer" }] }`); anything else is a literal.
 */
export type Expression = unknown;

/** What an expression can read besides its literals. Nothing else: no clock, no I/O. */
export interface ExpressionScope {
  /** The dossier data (computed values included), read by `var`. */
  data: Readonly<Record<string, unknown>>;
  /** The day the expression is evaluated, `YYYY-MM-DD` (Paris), read by `today`. */
  today: string;
  /** A transition's input, read by `var` paths starting with `input.` (effects' `when`). */
  input?: Readonly<Record<string, unknown>>;
}

/**
 * Why an expression cannot be evaluated at all: a mistake in the expression itself, never
 * in the data (missing or ill-typed data gives `null`, « unknown »).
 */
export type ExpressionError =
  | { code: 'UNKNOWN_OPERATION'; operation: string }
  | { code: 'BAD_ARGUMENTS'; operation: string; expected: string }
  | { code: 'TOO_COMPLEX' };
