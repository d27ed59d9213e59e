import { addDays, addMonths, ageOn, daysBetween, formatDate, parseDate } from './dates.ts';
import {
  type CompiledNode,
  evaluateAll,
  isNumber,
  type Operation,
  type OperationContext,
} from './operation.ts';

/**
 * Calendar dates, as `YYYY-MM-DD` strings (compare them with `<`, `<=`…). `today` is the
 * scope's day, never the machine's clock. A missing or malformed date gives `null`.
 */
export const dateOperations: Record<string, Operation> = {
  today: { arity: [0, 0], returns: 'date', run: (_args, context) => context.scope.today },
  /** `{ date: [2026, 9, 1] }` → `2026-09-01`. */
  date: {
    arity: [3, 3],
    returns: 'date',
    run(args, context) {
      const [y, m, d] = evaluateAll(args, context);
      return isNumber(y) && isNumber(m) && isNumber(d) ? formatDate(y, m, d) : null;
    },
  },
  year: { arity: [1, 1], returns: 'number', run: (a, c) => parseDate(one(a, c))?.year ?? null },
  month: { arity: [1, 1], returns: 'number', run: (a, c) => parseDate(one(a, c))?.month ?? null },
  add_days: { arity: [2, 2], returns: 'date', run: (a, c) => shift(a, c, addDays) },
  add_months: { arity: [2, 2], returns: 'date', run: (a, c) => shift(a, c, addMonths) },
  add_years: {
    arity: [2, 2],
    returns: 'date',
    run: (a, c) => shift(a, c, (date, n) => addMonths(date, n * 12)),
  },
  /** `{ age: [birth, at?] }`: whole years on `at` (default: today). */
  age: {
    arity: [1, 2],
    returns: 'number',
    run(args, context) {
      const [birth, at = context.scope.today] = evaluateAll(args, context);
      return typeof birth === 'string' && typeof at === 'string' ? ageOn(birth, at) : null;
    },
  },
  /** `{ days_between: [from, to] }`: whole days, negative when `to` is earlier. */
  days_between: {
    arity: [2, 2],
    returns: 'number',
    run(args, context) {
      const [from, to] = evaluateAll(args, context);
      return typeof from === 'string' && typeof to === 'string' ? daysBetween(from, to) : null;
    },
  },
};

function one(args: readonly CompiledNode[], context: OperationContext): unknown {
  return evaluateAll(args, context)[0];
}

function shift(
  args: readonly CompiledNode[],
  context: OperationContext,
  move: (date: string, n: number) => string | null,
): string | null {
  const [date, n] = evaluateAll(args, context);
  return typeof date === 'string' && isNumber(n) ? move(date, n) : null;
}
