/**
 * The json-logic sum of fields, as the computed-value editor writes it.
 *
 * @example
 * sumExpression(['loyer', 'charges']); // { '+': [{ var: 'loyer' }, { var: 'charges' }] }
 */
export function sumExpression(fields: readonly string[]): unknown {
  return { '+': fields.map((field) => ({ var: field })) };
}

/** The fields a sum written by `sumExpression` adds, or null for any other expression. */
export function fieldsSummed(expression: unknown): string[] | null {
  if (typeof expression !== 'object' || expression === null) return null;
  const terms = (expression as Record<string, unknown>)['+'];
  if (Object.keys(expression).length !== 1 || !Array.isArray(terms)) return null;
  const fields = terms.map((term) =>
    typeof term === 'object' && term !== null && typeof (term as { var?: unknown }).var === 'string'
      ? (term as { var: string }).var
      : null,
  );
  return fields.every((field): field is string => field !== null) ? fields : null;
}
