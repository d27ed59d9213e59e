/**
 * A form rule as the studio builds it without code: « le champ A doit être ≤ (une valeur
 * | le champ B × k | la date du jour décalée de n jours/mois/ans) ». It becomes the rule's
 * `assert`, an expression of the démarche's language (`shared/expressions`), and back.
 */
export interface RuleComparison {
  /** The field compared, beside which the message is shown. */
  field: string;
  operator: RuleOperator;
  against: RuleOperand;
}

export type RuleOperator = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';

export type RuleOperand =
  | { kind: 'value'; value: number | string }
  | { kind: 'field'; field: string; factor: number }
  | { kind: 'today'; offset: number; unit: DateUnit };

export type DateUnit = 'days' | 'months' | 'years';

/** What the admin reads: « doit être … ». */
export const RULE_OPERATOR_LABELS: Readonly<Record<RuleOperator, string>> = {
  lt: 'strictement inférieur à (avant)',
  le: 'inférieur ou égal à',
  gt: 'strictement supérieur à (après)',
  ge: 'supérieur ou égal à',
  eq: 'égal à',
  ne: 'différent de',
};

export const DATE_UNIT_LABELS: Readonly<Record<DateUnit, string>> = {
  days: 'jours',
  months: 'mois',
  years: 'ans',
};

const OPERATIONS = { lt: '<', le: '<=', gt: '>', ge: '>=', eq: '==', ne: '!=' } as const;
const SHIFTS = { days: 'add_days', months: 'add_months', years: 'add_years' } as const;

/**
 * The rule's `assert`. An empty field fails no rule (its `null` spreads, and a rule
 * fails only on `false`): « obligatoire » stays the field's own business.
 *
 * @example
 * assertOfComparison({ field: 'fin', operator: 'gt', against: { kind: 'field', field: 'debut', factor: 1 } })
 * // { '>': [{ var: 'fin' }, { var: 'debut' }] }
 */
export function assertOfComparison(comparison: RuleComparison): unknown {
  return {
    [OPERATIONS[comparison.operator]]: [{ var: comparison.field }, operandOf(comparison.against)],
  };
}

function operandOf(against: RuleOperand): unknown {
  switch (against.kind) {
    case 'value':
      return against.value;
    case 'field':
      return against.factor === 1
        ? { var: against.field }
        : { '*': [{ var: against.field }, against.factor] };
    case 'today':
      return against.offset === 0
        ? { today: [] }
        : { [SHIFTS[against.unit]]: [{ today: [] }, against.offset] };
  }
}

/**
 * The comparison an `assert` written by the builder stands for, or `null` when it was
 * written otherwise (the JSON tab then edits it).
 *
 * @example
 * comparisonOfAssert({ '<=': [{ var: 'naissance' }, { today: [] }] })
 * // { field: 'naissance', operator: 'le', against: { kind: 'today', offset: 0, unit: 'days' } }
 */
export function comparisonOfAssert(assert: unknown): RuleComparison | null {
  const operation = single(assert);
  if (!operation) return null;
  const [name, args] = operation;
  const operator = (Object.keys(OPERATIONS) as RuleOperator[]).find(
    (candidate) => OPERATIONS[candidate] === name,
  );
  if (!operator || !Array.isArray(args) || args.length !== 2) return null;
  const field = varName(args[0]);
  const against = operandOfExpression(args[1]);
  return field === null || against === null ? null : { field, operator, against };
}

function operandOfExpression(expression: unknown): RuleOperand | null {
  if (typeof expression === 'number' || typeof expression === 'string') {
    return { kind: 'value', value: expression };
  }
  const field = varName(expression);
  if (field !== null) return { kind: 'field', field, factor: 1 };
  const operation = single(expression);
  if (!operation) return null;
  const [name, args] = operation;
  if (name === 'today') return { kind: 'today', offset: 0, unit: 'days' };
  if (!Array.isArray(args) || args.length !== 2) return null;
  if (name === '*') {
    const scaled = varName(args[0]);
    return scaled !== null && typeof args[1] === 'number'
      ? { kind: 'field', field: scaled, factor: args[1] }
      : null;
  }
  const unit = (Object.keys(SHIFTS) as DateUnit[]).find((candidate) => SHIFTS[candidate] === name);
  if (unit && single(args[0])?.[0] === 'today' && Number.isInteger(args[1])) {
    return { kind: 'today', offset: args[1] as number, unit };
  }
  return null;
}

function single(expression: unknown): [string, unknown] | null {
  if (typeof expression !== 'object' || expression === null || Array.isArray(expression)) {
    return null;
  }
  const entries = Object.entries(expression);
  return entries.length === 1 ? (entries[0] as [string, unknown]) : null;
}

function varName(expression: unknown): string | null {
  const operation = single(expression);
  return operation?.[0] === 'var' && typeof operation[1] === 'string' && operation[1] !== ''
    ? operation[1]
    : null;
}
