import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../runtime/server/router.ts';

type Outputs = inferRouterOutputs<AppRouter>;

/** A unit as `units.tree` lists it: depth-first, with its depth and code path. */
export type UnitNode = Outputs['units']['tree'][number];
export type StaffList = Outputs['staff']['list'];
export type TenantSettings = Outputs['tenant']['settings'];
export type CsvPreview = Outputs['units']['previewCsv'];

/**
 * The units a unit may move under: every unit in service but itself and its own
 * sub-units (the server refuses those as a cycle; the list does not offer them).
 *
 * @example
 * parentChoices(tree, ccas.id).map((unit) => unit.code) // ['mairie'], not 'ccas-familles'
 */
export function parentChoices(tree: readonly UnitNode[], movingId: string | null): UnitNode[] {
  const moving = tree.find((unit) => unit.id === movingId);
  return tree.filter(
    (unit) => !unit.archived && (moving === undefined || !unit.path.includes(moving.code)),
  );
}

/** « Nom (code) », indented by depth with non-breaking spaces, for a `<select>` option. */
export function unitOptionLabel(unit: UnitNode): string {
  return `${'\u00a0\u00a0'.repeat(unit.depth)}${unit.name} (${unit.code})`;
}
