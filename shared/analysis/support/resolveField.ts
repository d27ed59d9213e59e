import { type FieldNode, ITEMS, type Segment } from './fieldTree.ts';

/** Where a path lands in a field tree. */
export type Resolution =
  | { status: 'found'; node: FieldNode }
  /** Beyond what the form declares in detail (free-form object, array index…): unknowable. */
  | { status: 'open' }
  /** `path[at]` is declared nowhere. */
  | { status: 'missing'; at: number };

/**
 * Follows `path` through a field tree built by `buildFieldTree`. Numeric steps enter array
 * items (json-logic's `enfants.0.nom`); `pseudo` names properties every value has in the
 * calling language (liquid's `size`, `first`, `last`).
 *
 * @example
 * resolveField(tree, ['adresse', 'ville']); // { status: 'found', node }
 * resolveField(tree, ['adresse', 'vile']); // { status: 'missing', at: 1 }
 */
export function resolveField(
  root: FieldNode,
  path: readonly Segment[],
  pseudo?: ReadonlySet<string>,
): Resolution {
  let node = root;
  for (let at = 0; at < path.length; at++) {
    const segment = path[at] as Segment;
    if (segment === ITEMS) {
      if (node.items === null) return { status: 'open' };
      node = node.items;
      continue;
    }
    const child = node.properties.get(segment);
    if (child !== undefined) {
      node = child;
    } else if (/^\d+$/.test(segment)) {
      if (node.items === null) return { status: 'open' };
      node = node.items;
    } else if (pseudo?.has(segment) || node.open) {
      return { status: 'open' };
    } else {
      return { status: 'missing', at };
    }
  }
  return { status: 'found', node };
}

/**
 * A path as an admin reads it: dotted, `[]` for array items.
 *
 * @example
 * formatPath(['enfants', ITEMS, 'nom']); // 'enfants[].nom'
 */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const segment of path) {
    if (segment === ITEMS) out += '[]';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
