import {
  type CompiledNode,
  evaluateAll,
  isNumber,
  type Operation,
  type OperationContext,
} from './operation.ts';

/**
 * Arithmetic on amounts and counts. Only numbers: a missing or non-numeric operand gives
 * `null` (an unfinished draft has no price yet, not a price of 0), so does a division by
 * zero. `count` and `sum` read repeated groups (arrays), where an empty group is 0.
 */
export const numberOperations: Record<string, Operation> = {
  '+': { arity: [1, null], returns: 'number', run: (a, c) => fold(numbers(a, c), (x, y) => x + y) },
  '*': { arity: [1, null], returns: 'number', run: (a, c) => fold(numbers(a, c), (x, y) => x * y) },
  '-': {
    arity: [1, 2],
    returns: 'number',
    run(args, context) {
      const values = numbers(args, context);
      if (values === null) return null;
      const [x, y] = values as [number, number?];
      return y === undefined ? -x : finite(x - y);
    },
  },
  '/': { arity: [2, 2], returns: 'number', run: (a, c) => divide(numbers(a, c), (x, y) => x / y) },
  '%': { arity: [2, 2], returns: 'number', run: (a, c) => divide(numbers(a, c), (x, y) => x % y) },
  min: { arity: [1, null], returns: 'number', run: (a, c) => extreme(a, c, Math.min) },
  max: { arity: [1, null], returns: 'number', run: (a, c) => extreme(a, c, Math.max) },
  round: {
    arity: [1, 2],
    returns: 'number',
    run(args, context) {
      const [value, digits = 0] = evaluateAll(args, context);
      if (!isNumber(value) || !Number.isInteger(digits)) return null;
      return roundHalfAwayFromZero(value, Math.max(0, Math.min(10, digits as number)));
    },
  },
  floor: { arity: [1, 1], returns: 'number', run: (a, c) => unary(a, c, Math.floor) },
  ceil: { arity: [1, 1], returns: 'number', run: (a, c) => unary(a, c, Math.ceil) },
  count: {
    arity: [1, 1],
    returns: 'number',
    run(args, context) {
      const [list] = evaluateAll(args, context);
      if (list === null || list === undefined) return 0;
      return Array.isArray(list) ? list.length : null;
    },
  },
  sum: {
    arity: [1, 2],
    returns: 'number',
    run(args, context) {
      const [list, property] = evaluateAll(args, context);
      if (list === null || list === undefined) return 0;
      if (!Array.isArray(list)) return null;
      let total = 0;
      for (const item of list) {
        const value = typeof property === 'string' ? propertyOf(item, property) : item;
        // An entry left blank in a repeated group adds nothing.
        if (isNumber(value)) total += value;
      }
      return finite(total);
    },
  },
};

/**
 * Rounds to `digits` decimals, halves away from zero as cashiers do (2.675 → 2.68, where
 * `Math.round` on the binary value would give 2.67).
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded;
}

function numbers(args: readonly CompiledNode[], context: OperationContext): number[] | null {
  const values = evaluateAll(args, context);
  return values.every(isNumber) ? values : null;
}

function fold(values: number[] | null, step: (a: number, b: number) => number): number | null {
  if (values === null || values.length === 0) return null;
  return finite(values.reduce(step));
}

function divide(values: number[] | null, step: (a: number, b: number) => number): number | null {
  if (values === null || values[1] === 0) return null;
  return finite(step(values[0] as number, values[1] as number));
}

/** `min`/`max` of their arguments, or of the one array they are given. */
function extreme(
  args: readonly CompiledNode[],
  context: OperationContext,
  pick: (...values: number[]) => number,
): number | null {
  const evaluated = evaluateAll(args, context);
  const values = evaluated.length === 1 && Array.isArray(evaluated[0]) ? evaluated[0] : evaluated;
  if (values.length === 0 || !values.every(isNumber)) return null;
  return pick(...values);
}

function unary(
  args: readonly CompiledNode[],
  context: OperationContext,
  f: (x: number) => number,
): number | null {
  const [value] = evaluateAll(args, context);
  return isNumber(value) ? f(value) : null;
}

function propertyOf(item: unknown, property: string): unknown {
  if (typeof item !== 'object' || item === null || !Object.hasOwn(item, property)) return null;
  return (item as Record<string, unknown>)[property];
}

/** Overflow to ±Infinity is no amount: unknown. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
