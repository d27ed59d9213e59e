import { getTableConfig, IndexedColumn } from 'drizzle-orm/pg-core';
import { dossiers } from '../../db/schema/index.ts';

interface IndexShape {
  name: string;
  columns: string[];
  orders: Array<'asc' | 'desc'>;
}

/**
 * The btree indexes of `dossiers`, read from the drizzle schema so this module follows
 * the migrations without a copy: what matters is each index's column order and sort
 * directions. The primary key `(tenant_id, id)` is one of them.
 */
const SHAPES: IndexShape[] = (() => {
  const config = getTableConfig(dossiers);
  const shapes: IndexShape[] = config.primaryKeys.map((key) => ({
    name: 'primary key',
    columns: key.columns.map((column) => column.name),
    orders: key.columns.map(() => 'asc' as const),
  }));
  for (const index of config.indexes) {
    if (index.config.method !== undefined && index.config.method !== 'btree') continue;
    const columns = index.config.columns.filter(
      (c): c is IndexedColumn => c instanceof IndexedColumn,
    );
    if (columns.length !== index.config.columns.length) continue;
    shapes.push({
      name: index.config.name ?? '',
      columns: columns.map((column) => column.name!),
      orders: columns.map((column) => (column.indexConfig?.order === 'desc' ? 'desc' : 'asc')),
    });
  }
  return shapes;
})();

/** Past this many branches a union costs more than it saves. */
export const MAX_BRANCHES = 24;

/**
 * Which choice columns (several states, the viewer's units…) to split into one branch
 * per value so that each branch is an ordered range of an index: the index must start
 * with the tenant and columns that are all pinned by an equality (or a choice, once
 * split), then hold the sort columns in one direction, forwards or backwards. Among
 * such indexes the one with the longest pinned prefix wins (the narrowest range), as
 * long as its branches stay under `MAX_BRANCHES`. No index: nothing is split and the
 * planner gets the query as one.
 *
 * @example
 * splitColumns(new Set(['tenant_id', 'assignee_id']), [{ column: 'state', size: 2 }], ['due_at', 'id']);
 * // { columns: ['state'], index: 'dossiers_assignee_idx' }: a branch per state, merged in order
 */
export function splitColumns(
  pinned: ReadonlySet<string>,
  choices: ReadonlyArray<{ column: string; size: number }>,
  sortColumns: readonly string[],
): { columns: string[]; index: string | null } {
  let best: { columns: string[]; index: string; prefix: number } | null = null;
  for (const shape of SHAPES) {
    const start = shape.columns.length - sortColumns.length;
    if (start < 0 || sortColumns.some((column, i) => shape.columns[start + i] !== column)) continue;
    const directions = new Set(shape.orders.slice(start));
    if (directions.size > 1) continue;
    const prefix = shape.columns.slice(0, start);
    const split = choices.filter((choice) => prefix.includes(choice.column));
    const served = prefix.every(
      (column) => pinned.has(column) || split.some((c) => c.column === column),
    );
    const branches = split.reduce((product, choice) => product * choice.size, 1);
    if (!served || branches > MAX_BRANCHES) continue;
    if (best === null || prefix.length > best.prefix) {
      best = {
        columns: split.map((choice) => choice.column),
        index: shape.name,
        prefix: prefix.length,
      };
    }
  }
  return best === null
    ? { columns: [], index: null }
    : { columns: best.columns, index: best.index };
}
