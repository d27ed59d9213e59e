/**
 * One line of the condition builder: « le champ `field` est `operator` `value` ». Lines
 * are joined by « et ». The same lines become a transition's guard (a JSON Schema,
 * `guardOfRows`) or an effect's `when` (a json-logic expression, `expressionOfRows`), so
 * the admin builds both without writing either.
 */
export interface ConditionRow {
  field: string;
  operator: ConditionOperator;
  /** Absent for `filled`. A number for `lt`…`ge`. */
  value?: string | number | boolean;
}

export type ConditionOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'filled';

/** What the admin reads in the operator list. */
export const OPERATOR_LABELS: Readonly<Record<ConditionOperator, string>> = {
  eq: 'est égal à',
  ne: 'est différent de',
  lt: 'est inférieur à',
  le: 'est inférieur ou égal à',
  gt: 'est supérieur à',
  ge: 'est supérieur ou égal à',
  filled: 'est renseigné',
};

/** Operators that order numbers: offered only for number fields. */
export const ORDER_OPERATORS: readonly ConditionOperator[] = ['lt', 'le', 'gt', 'ge'];
