import type { UnitContext } from './unitContext.ts';
import { type UnitRow, unitsOf } from './unitQueries.ts';

/** A unit as the studio shows it: depth-first order, roots first, siblings by name. */
export interface UnitNode extends UnitRow {
  depth: number;
  /** Codes from the root down to this unit, e.g. `['ccas', 'ccas-familles']`. */
  path: string[];
}

/**
 * The tenant's organisation tree, flattened in display order (depth-first, siblings by
 * name), each node with its depth and path so a client can indent or nest it.
 *
 * @example
 * await listUnitTree(context); // [{ code: 'ccas', depth: 0, … }, { code: 'ccas-familles', depth: 1, … }]
 */
export async function listUnitTree(context: UnitContext): Promise<UnitNode[]> {
  return orderAsTree(await unitsOf(context.db, context.session.tenantId));
}

/** Depth-first order of `all`; a unit whose parent is missing is shown as a root. */
export function orderAsTree(all: UnitRow[]): UnitNode[] {
  const ids = new Set(all.map((unit) => unit.id));
  const children = new Map<string | null, UnitRow[]>();
  for (const unit of all) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const byName = (a: UnitRow, b: UnitRow) =>
    a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code);
  const out: UnitNode[] = [];
  const visit = (parent: string | null, depth: number, path: string[]) => {
    for (const unit of [...(children.get(parent) ?? [])].sort(byName)) {
      const own = [...path, unit.code];
      out.push({ ...unit, depth, path: own });
      visit(unit.id, depth + 1, own);
    }
  };
  visit(null, 0, []);
  return out;
}
