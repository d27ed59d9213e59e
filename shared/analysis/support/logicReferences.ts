import { childPointer } from './pointer.ts';
import { isObject } from './shapes.ts';

/** A field a json-logic expression reads, where it reads it. */
export interface LogicReference {
  path: string[];
  pointer: string;
}

// Their second argument runs with each array element (or `current`/`accumulator`) as
// data, so its `var`s name element properties, not form fields.
const SCOPED = new Set(['map', 'filter', 'all', 'none', 'some']);

/**
 * The form fields a json-logic expression reads: `var` paths (dotted), and the names
 * listed by `missing` / `missing_some`. Paths computed at run time are not followed.
 *
 * @example
 * collectLogicReferences({ '+': [{ var: 'salaire' }, 10] }, '/computed/0/expression');
 * // [{ path: ['salaire'], pointer: '/computed/0/expression/+/0/var' }]
 */
export function collectLogicReferences(expression: unknown, base: string): LogicReference[] {
  const out: LogicReference[] = [];
  walk(expression, base, out, 0);
  return out;
}

/** A field name given as a plain string, or an expression computing one. */
function fieldName(name: unknown, at: string, out: LogicReference[], depth: number): void {
  if (typeof name === 'string' && name !== '') out.push({ path: name.split('.'), pointer: at });
  else walk(name, at, out, depth + 1);
}

function walk(node: unknown, at: string, out: LogicReference[], depth: number): void {
  if (depth > 64) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      walk(item, childPointer(at, i), out, depth + 1);
    });
    return;
  }
  if (!isObject(node)) return;
  const keys = Object.keys(node);
  // json-logic reads an object with several keys as a literal, not an operation.
  if (keys.length !== 1) return;
  const op = keys[0] as string;
  const args = node[op];
  const here = childPointer(at, op);
  const list = Array.isArray(args) ? args : [args];
  const argAt = (i: number) => (Array.isArray(args) ? childPointer(here, i) : here);
  if (op === 'var') {
    const path = list[0];
    if (typeof path === 'string' && path !== '')
      out.push({ path: path.split('.'), pointer: argAt(0) });
    else walk(path, argAt(0), out, depth + 1);
    if (list.length > 1) walk(list[1], argAt(1), out, depth + 1);
  } else if (op === 'missing') {
    list.forEach((name, i) => {
      fieldName(name, argAt(i), out, depth);
    });
  } else if (op === 'missing_some') {
    walk(list[0], argAt(0), out, depth + 1);
    const names = list[1];
    if (Array.isArray(names))
      names.forEach((name, i) => {
        fieldName(name, childPointer(argAt(1), i), out, depth);
      });
    else walk(names, argAt(1), out, depth + 1);
  } else if (SCOPED.has(op) || op === 'reduce') {
    walk(list[0], argAt(0), out, depth + 1);
    if (op === 'reduce' && list.length > 2) walk(list[2], argAt(2), out, depth + 1);
  } else {
    list.forEach((arg, i) => {
      walk(arg, argAt(i), out, depth + 1);
    });
  }
}
