import { quote } from '../support/describe.ts';
import { collectLogicReferences } from '../support/logicReferences.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `computed-cycle`: computed fields that depend on each other in a loop (a total from a
 * rate, the rate from the total) have no value to start from. Reported once per loop, on
 * its first computed field.
 *
 * @example
 * // computed: [{ field: 'a', expression: { var: 'b' } }, { field: 'b', expression: { var: 'a' } }]
 * // { rule: 'computed-cycle', pointer: '/computed/0/expression', message: '… « a » → « b » → « a »' }
 */
export const computedCycle: LintRule = {
  id: 'computed-cycle',
  severity: 'error',
  description: 'Des champs calculés qui dépendent les uns des autres en boucle.',
  check(context, report) {
    const index = new Map<string, number>();
    context.computed.forEach((c, i) => {
      if (!index.has(c.field)) index.set(c.field, i);
    });
    const reads = new Map<string, string[]>();
    for (const [field, i] of index) {
      const refs = collectLogicReferences(context.computed[i]?.expression, '');
      reads.set(
        field,
        [...new Set(refs.map((r) => r.path[0] as string))].filter((f) => index.has(f)),
      );
    }
    const done = new Set<string>();
    const loops: string[][] = [];
    for (const start of index.keys()) {
      const cycle = findCycle(start, reads, done);
      if (cycle === null) continue;
      for (const field of cycle) done.add(field);
      // Told from the loop's first declared field, so the report sits where it starts.
      const first = cycle.reduce((a, b) => ((index.get(b) ?? 0) < (index.get(a) ?? 0) ? b : a));
      const at = cycle.indexOf(first);
      loops.push([...cycle.slice(at), ...cycle.slice(0, at)]);
    }
    loops.sort((a, b) => (index.get(a[0] as string) ?? 0) - (index.get(b[0] as string) ?? 0));
    for (const loop of loops) {
      report(
        pointer('computed', index.get(loop[0] as string) ?? 0, 'expression'),
        `Ces champs calculés dépendent les uns des autres en boucle : ${[...loop, loop[0]].map(quote).join(' → ')}. Aucun ne pourra être calculé.`,
      );
    }
  },
};

/** A loop reachable from `start` not already reported, as the list of its fields. */
function findCycle(
  start: string,
  reads: ReadonlyMap<string, string[]>,
  done: ReadonlySet<string>,
): string[] | null {
  const path: string[] = [];
  const onPath = new Set<string>();
  const visited = new Set<string>();
  const dfs = (field: string): string[] | null => {
    if (onPath.has(field)) return path.slice(path.indexOf(field));
    if (visited.has(field) || done.has(field)) return null;
    visited.add(field);
    onPath.add(field);
    path.push(field);
    for (const next of reads.get(field) ?? []) {
      const cycle = dfs(next);
      if (cycle !== null) return cycle;
    }
    onPath.delete(field);
    path.pop();
    return null;
  };
  return dfs(start);
}
