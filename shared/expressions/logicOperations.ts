import { readPath } from './dataPath.ts';
import { evaluateAll, isNumber, type Operation, truthy } from './operation.ts';

/**
 * Reading data, choosing and comparing. No type coercion: `==` is `===` on JSON values;
 * `<` compares two numbers or two strings (ISO dates order as strings); anything else,
 * or a missing operand, gives `null` (« unknown ») rather than a guess.
 */
export const logicOperations: Record<string, Operation> = {
  var: {
    arity: [0, 2],
    returns: 'any',
    run(args, context) {
      const [path, fallback] = evaluateAll(args, context);
      const found = readPath(context.scope, path);
      return found === undefined || found === null ? (fallback ?? null) : found;
    },
  },
  if: {
    arity: [0, null],
    returns: 'any',
    run(args, context) {
      let i = 0;
      for (; i + 1 < args.length; i += 2) {
        if (truthy(context.evaluate(args[i]))) {
          return context.evaluate(args[i + 1]);
        }
      }
      return i < args.length ? context.evaluate(args[i]) : null;
    },
  },
  and: {
    arity: [1, null],
    returns: 'any',
    run(args, context) {
      let value: unknown = null;
      for (const arg of args) {
        value = context.evaluate(arg);
        if (!truthy(value)) return value;
      }
      return value;
    },
  },
  or: {
    arity: [1, null],
    returns: 'any',
    run(args, context) {
      let value: unknown = null;
      for (const arg of args) {
        value = context.evaluate(arg);
        if (truthy(value)) return value;
      }
      return value;
    },
  },
  '!': {
    arity: [1, 1],
    returns: 'boolean',
    run(args, context) {
      const [value] = evaluateAll(args, context);
      // Unknown stays unknown: « not (end after start) » of an empty date is no failure.
      return value === null ? null : !truthy(value);
    },
  },
  '!!': {
    arity: [1, 1],
    returns: 'boolean',
    run: (args, context) => truthy(evaluateAll(args, context)[0]),
  },
  '==': {
    arity: [2, 2],
    returns: 'boolean',
    run: (args, context) => equal(evaluateAll(args, context)),
  },
  '===': {
    arity: [2, 2],
    returns: 'boolean',
    run: (args, context) => equal(evaluateAll(args, context)),
  },
  '!=': {
    arity: [2, 2],
    returns: 'boolean',
    run: (args, context) => negate(equal(evaluateAll(args, context))),
  },
  '!==': {
    arity: [2, 2],
    returns: 'boolean',
    run: (args, context) => negate(equal(evaluateAll(args, context))),
  },
  '<': {
    arity: [2, 3],
    returns: 'boolean',
    run: (args, context) => ordered(evaluateAll(args, context), false),
  },
  '<=': {
    arity: [2, 3],
    returns: 'boolean',
    run: (args, context) => ordered(evaluateAll(args, context), true),
  },
  '>': {
    arity: [2, 2],
    returns: 'boolean',
    run: (args, context) => ordered(evaluateAll(args, context).reverse(), false),
  },
  '>=': {
    arity: [2, 2],
    returns: 'boolean',
    run: (args, context) => ordered(evaluateAll(args, context).reverse(), true),
  },
  in: {
    arity: [2, 2],
    returns: 'boolean',
    run(args, context) {
      const [needle, haystack] = evaluateAll(args, context);
      if (typeof haystack === 'string' && typeof needle === 'string') {
        return haystack.includes(needle);
      }
      return Array.isArray(haystack) ? haystack.includes(needle) : null;
    },
  },
  cat: {
    arity: [0, null],
    returns: 'string',
    run(args, context) {
      const parts = evaluateAll(args, context);
      // Text, numbers and yes/no only: an object has no spelling of its own.
      if (!parts.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
        return null;
      }
      return parts.map((v) => (v === null ? '' : String(v))).join('');
    },
  },
};

function equal([a, b]: unknown[]): boolean | null {
  if (a === undefined || b === undefined) return null;
  return a === b;
}

function negate(value: boolean | null): boolean | null {
  return value === null ? null : !value;
}

/** `a < b` (or `a < b < c`), numbers with numbers and strings with strings only. */
function ordered(values: unknown[], orEqual: boolean): boolean | null {
  const allNumbers = values.every(isNumber);
  const allStrings = values.every((v) => typeof v === 'string');
  if (!allNumbers && !allStrings) return null;
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i] as number | string;
    const b = values[i + 1] as number | string;
    if (!(a < b || (orEqual && a === b))) return false;
  }
  return true;
}
