import { compilePath } from './dataPath.ts';
import type { CompiledNode, OperationContext } from './operation.ts';
import { operationNamed } from './operations.ts';
import type { Expression, ExpressionError } from './types.ts';

/** Deepest nesting an expression may have: every evaluation ends, and soon. */
const MAX_DEPTH = 64;

/**
 * Compiled expressions by the expression object they come from. A definition's
 * expressions are data that is never changed in place (a new definition is a new
 * object), so each is compiled once per process and page, and evaluating it no longer
 * walks the JSON: no key lookups, arity checks or path splitting per evaluation.
 */
const compiled = new WeakMap<object, CompiledNode>();

/**
 * The expression as closures (never `eval`/`new Function`: pages run under a strict CSP),
 * with the same answers as walking it: a mistake (unknown operation, wrong arguments,
 * too deep) fails only when evaluation reaches it, as json-logic's `if` and `and`
 * evaluate only what they need.
 *
 * @example
 * const node = compileExpression({ '+': [{ var: 'loyer' }, 10] });
 */
export function compileExpression(expression: Expression): CompiledNode {
  if (typeof expression !== 'object' || expression === null) return compileNode(expression, 0);
  let node = compiled.get(expression);
  if (node === undefined) {
    node = compileNode(expression, 0);
    compiled.set(expression, node);
  }
  return node;
}

function compileNode(node: unknown, depth: number): CompiledNode {
  if (depth > MAX_DEPTH) return failing({ code: 'TOO_COMPLEX' });
  if (Array.isArray(node)) {
    const items = node.map((item) => compileNode(item, depth + 1));
    return (context) => {
      if (!context.enter()) return null;
      const values = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) values[i] = (items[i] as CompiledNode)(context);
      return values;
    };
  }
  // json-logic reads an object with several keys as a literal, not an operation.
  if (typeof node !== 'object' || node === null || Object.keys(node).length !== 1) {
    return (context) => (context.enter() ? node : null);
  }
  const name = Object.keys(node)[0] as string;
  const operation = operationNamed(name);
  if (operation === undefined) return failing({ code: 'UNKNOWN_OPERATION', operation: name });
  const raw = (node as Record<string, unknown>)[name];
  const args = Array.isArray(raw) ? raw : [raw];
  const [min, max] = operation.arity;
  if (args.length < min || (max !== null && args.length > max)) {
    return failing({ code: 'BAD_ARGUMENTS', operation: name, expected: describeArity(min, max) });
  }
  if (name === 'var' && args.length === 1 && isLiteral(args[0])) return compileVar(args[0]);
  const compiledArgs = args.map((arg) => compileNode(arg, depth + 1));
  return (context) => {
    if (!context.enter()) return null;
    const result = operation.run(compiledArgs, context);
    return result === undefined ? null : result;
  };
}

/**
 * `{ var: "loyer" }`, by far the most frequent node: its path split once. Two steps, as
 * the operation and its literal path count when walked.
 */
function compileVar(path: unknown): CompiledNode {
  const read = compilePath(path);
  return (context: OperationContext) => {
    if (!context.enter() || !context.enter()) return null;
    const found = read(context.scope);
    return found === undefined || found === null ? null : found;
  };
}

function isLiteral(node: unknown): boolean {
  return typeof node !== 'object' || node === null;
}

function failing(error: ExpressionError): CompiledNode {
  return (context) => (context.enter() ? context.fail(error) : null);
}

/** « 2 arguments », « 1 à 3 arguments », « au moins 1 argument ». */
export function describeArity(min: number, max: number | null): string {
  const plural = (n: number) => `${n} argument${n > 1 ? 's' : ''}`;
  if (max === null) return `au moins ${plural(min)}`;
  return min === max ? plural(min) : `${min} à ${plural(max)}`;
}
