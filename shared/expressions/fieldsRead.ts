/**
 * The top-level fields an expression reads through `var` (the first segment of each
 * dotted path given as a literal). Used to order computed values; the linter has its
 * own finer walk with JSON pointers.
 *
 * @example
 * fieldsRead({ '+': [{ var: 'loyer' }, { var: 'charges.eau' }] }); // Set { 'loyer', 'charges' }
 */
export function fieldsRead(expression: unknown): Set<string> {
  const fields = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const args = (node as Record<string, unknown>)[keys[0] as string];
    if (keys[0] === 'var') {
      const path = Array.isArray(args) ? args[0] : args;
      if (typeof path === 'string' && path !== '') fields.add(path.split('.')[0] as string);
      else walk(path, depth + 1);
      if (Array.isArray(args)) walk(args.slice(1), depth + 1);
      return;
    }
    walk(args, depth + 1);
  };
  walk(expression, 0);
  return fields;
}
