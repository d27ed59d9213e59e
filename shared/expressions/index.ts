/**
 * The expression language of démarches (json-logic plus date and amount operations):
 * what others may import from `shared/expressions`. Pure: runs in the browser and on
 * the server alike. See README.md for why json-logic and how values behave.
 */

export { checkRules, failingRules, type RuleFailures } from './checkRules.ts';
export { describeArity } from './compileExpression.ts';
export { computedFieldNames, computeValues } from './computeValues.ts';
export { parisDate } from './dates.ts';
export { evaluateExpression } from './evaluateExpression.ts';
export { type ExpressionProblem, expressionProblems } from './expressionProblems.ts';
export { fieldsRead } from './fieldsRead.ts';
export { truthy } from './operation.ts';
export { OPERATIONS, operationNamed } from './operations.ts';
export type { Expression, ExpressionError, ExpressionScope } from './types.ts';
