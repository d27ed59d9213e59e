import { eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SessionActor } from '../core/sessionActor.ts';

/** What the queue needs to know of who reads it: a staff session. */
export type QueueViewer = Pick<SessionActor, 'tenantId' | 'userId' | 'roles' | 'unitCodes'>;

/**
 * The units whose work `viewer` sees: `'all'`, or a list of unit codes where null
 * stands for unrouted work. The one place the queue rule lives; it is the set form of
 * `readerOf` (dossiers/dossierAccess.ts), so a row listed in a queue is a row the
 * viewer can open, and the reverse (a test checks they agree):
 * - admins see the whole tenant;
 * - agents and supervisors see the units they cover (`unitCodes`: their memberships'
 *   units and descendants, every unit for a membership without unit) plus what no rule
 *   could route (`unit_code` null), so somebody can pick it up;
 * - any other staff role sees nothing (an empty list).
 *
 * With `unitFilter` (the queue's own `unit` filter) the answer narrows to that unit, or
 * to nothing when the viewer does not cover it: one equality the planner estimates
 * well, instead of an `or` over units plus the filter.
 *
 * @example
 * visibleUnits(agentOfCcas, undefined); // [null, 'ccas', 'ccas-familles']
 * visibleUnits(agentOfCcas, 'mairie');  // []
 */
export function visibleUnits(
  viewer: QueueViewer,
  unitFilter?: string,
): 'all' | Array<string | null> {
  let units: 'all' | Array<string | null>;
  if (viewer.roles.includes('admin')) units = 'all';
  else if (viewer.roles.includes('agent') || viewer.roles.includes('supervisor')) {
    units = [null, ...new Set(viewer.unitCodes)];
  } else units = [];
  if (unitFilter === undefined) return units;
  return units === 'all' || units.includes(unitFilter) ? [unitFilter] : [];
}

/**
 * `visibleUnits` as alternatives on `unitColumn` (a dossier's or a task's `unit_code`),
 * one condition per unit; undefined means no restriction and an empty list nothing.
 *
 * @example
 * or(...unitAlternatives(visibleUnits(viewer), dossiers.unitCode)!);
 */
export function unitAlternatives(
  units: 'all' | Array<string | null>,
  unitColumn: AnyPgColumn,
): SQL[] | undefined {
  if (units === 'all') return undefined;
  return units.map((unit) => (unit === null ? isNull(unitColumn) : eq(unitColumn, unit)));
}

/**
 * The same rule as one condition, for queries that do not split it by unit.
 *
 * @example
 * db.select().from(tasks).where(and(eq(tasks.tenantId, t), unitVisibility(viewer, tasks.unitCode)));
 */
export function unitVisibility(viewer: QueueViewer, unitColumn: AnyPgColumn): SQL | undefined {
  const units = visibleUnits(viewer);
  if (units === 'all') return undefined;
  if (units.length === 0) return sql`false`;
  const codes = units.filter((unit): unit is string => unit !== null);
  return or(isNull(unitColumn), ...(codes.length > 0 ? [inArray(unitColumn, codes)] : []));
}

/**
 * Submitted dossiers only. A draft has no reference until it is submitted: it is the
 * citizen's unfinished work and never shows in a back office.
 */
export function submitted(referenceColumn: AnyPgColumn): SQL {
  return isNotNull(referenceColumn);
}
