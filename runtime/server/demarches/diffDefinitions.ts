import { create, type Delta } from 'jsondiffpatch';
import { pointerTo } from '../../../shared/definition/index.ts';

/** One difference between two definitions, for the designer's version history. */
export interface DefinitionChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** RFC 6901 pointer where the change shows: in the newer document, or the older for a removal. */
  path: string;
  /** Where the value sat in the older document; absent for an addition. */
  fromPath?: string;
  /** Value in the older document; absent for an addition. */
  before?: unknown;
  /** Value in the newer document; absent for a removal. */
  after?: unknown;
}

/**
 * Array items with an `id` (states, transitions, pages, templates, rules) are matched by
 * it, so inserting a state reads as one addition rather than a shift of every later
 * state; items without one are matched by position.
 */
const differ = create({
  objectHash: (item: object, index?: number) => {
    const id = (item as { id?: unknown }).id;
    return typeof id === 'string' ? `id:${id}` : `at:${index ?? ''}`;
  },
  arrays: { detectMove: true },
});

/**
 * The structured difference between two definitions (any JSON, valid or not), walked
 * out of jsondiffpatch's delta into a flat list a designer can render as is.
 *
 * @example
 * diffDefinitions({ meta: { title: 'A' } }, { meta: { title: 'B' } });
 * // [{ kind: 'changed', path: '/meta/title', fromPath: '/meta/title', before: 'A', after: 'B' }]
 */
export function diffDefinitions(before: unknown, after: unknown): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  walk(differ.diff(before, after), { fromPath: '', toPath: '', before, after }, changes);
  return changes;
}

interface Place {
  fromPath: string;
  toPath: string;
  before: unknown;
  after: unknown;
}

function walk(delta: Delta, place: Place, changes: DefinitionChange[]): void {
  if (delta === undefined) return;
  if (Array.isArray(delta)) {
    changes.push(leafChange(delta, place));
    return;
  }
  if (delta._t === 'a') {
    walkArray(delta as Record<string, Delta>, place, changes);
    return;
  }
  for (const [key, child] of Object.entries(delta)) {
    walk(
      child,
      {
        fromPath: pointerTo(place.fromPath, key),
        toPath: pointerTo(place.toPath, key),
        before: childOf(place.before, key),
        after: childOf(place.after, key),
      },
      changes,
    );
  }
}

/** `[new]` added, `[old, new]` changed, `[old, 0, 0]` removed (moves are handled by arrays). */
function leafChange(delta: unknown[], place: Place): DefinitionChange {
  if (delta.length === 1) return { kind: 'added', path: place.toPath, after: delta[0] };
  if (delta.length === 3 && delta[2] === 0) {
    return { kind: 'removed', path: place.fromPath, fromPath: place.fromPath, before: delta[0] };
  }
  return {
    kind: 'changed',
    path: place.toPath,
    fromPath: place.fromPath,
    before: place.before,
    after: place.after,
  };
}

/**
 * Array deltas key removed and moved items by their old index (`_3`) and added or
 * changed items by their new one (`3`). Items neither removed, moved nor added keep
 * their relative order, which pairs the remaining old and new indexes.
 */
function walkArray(delta: Record<string, Delta>, place: Place, changes: DefinitionChange[]): void {
  const before = Array.isArray(place.before) ? place.before : [];
  const after = Array.isArray(place.after) ? place.after : [];
  const leftOld = new Set<number>();
  const arrivals = new Map<number, number>();
  const newKeys: number[] = [];
  for (const [key, child] of Object.entries(delta)) {
    if (key === '_t') continue;
    if (key.startsWith('_')) {
      const oldIndex = Number(key.slice(1));
      leftOld.add(oldIndex);
      if (Array.isArray(child) && child[2] === 3) arrivals.set(child[1] as number, oldIndex);
      else walk(child, at(place, oldIndex, oldIndex), changes);
    } else {
      newKeys.push(Number(key));
    }
  }
  const added = new Set(newKeys.filter((n) => Array.isArray(delta[n]) && delta[n].length === 1));
  const keptOld = [...before.keys()].filter((i) => !leftOld.has(i));
  const keptNew = [...after.keys()].filter((i) => !added.has(i) && !arrivals.has(i));
  const oldIndexOf = new Map<number, number>(arrivals);
  keptNew.forEach((newIndex, rank) => {
    const oldIndex = keptOld[rank];
    if (oldIndex !== undefined) oldIndexOf.set(newIndex, oldIndex);
  });
  for (const [newIndex, oldIndex] of [...arrivals].sort(([a], [b]) => a - b)) {
    const from = at(place, oldIndex, newIndex);
    changes.push({
      kind: 'moved',
      path: from.toPath,
      fromPath: from.fromPath,
      before: from.before,
      after: from.after,
    });
  }
  for (const newIndex of newKeys.sort((a, b) => a - b)) {
    walk(delta[newIndex], at(place, oldIndexOf.get(newIndex) ?? newIndex, newIndex), changes);
  }
}

function at(place: Place, oldIndex: number, newIndex: number): Place {
  return {
    fromPath: pointerTo(place.fromPath, oldIndex),
    toPath: pointerTo(place.toPath, newIndex),
    before: childOf(place.before, oldIndex),
    after: childOf(place.after, newIndex),
  };
}

function childOf(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string | number, unknown>)[key];
}
