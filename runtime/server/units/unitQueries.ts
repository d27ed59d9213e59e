import { eq, sql } from 'drizzle-orm';
import { type AppDatabase, tenantScope, units } from '../../db/index.ts';
import { lockUntilCommit } from '../core/lockUntilCommit.ts';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** Archived units stay in the tree (their code is still named) but take no new children. */
  archived: boolean;
}

/** The columns of a `UnitRow`, for selects and `returning`. */
export const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  parentId: units.parentId,
  archived: sql<boolean>`${units.archivedAt} is not null`.mapWith(Boolean),
};

/** Every unit of the tenant: an organisation chart is small (hundreds of rows at most). */
export function unitsOf(db: AppDatabase, tenantId: string): Promise<UnitRow[]> {
  const scope = tenantScope(tenantId);
  return db.select(unitColumns).from(units).where(scope.where(units));
}

/** One unit of the tenant, or undefined (another tenant's id reads as none). */
export async function unitById(
  db: AppDatabase,
  tenantId: string,
  id: string,
): Promise<UnitRow | undefined> {
  const scope = tenantScope(tenantId);
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .where(scope.where(units, eq(units.id, id)));
  return row;
}

/**
 * Serialises the writes to one tenant's tree until the transaction ends: two moves
 * checked at once could each see no cycle and together make one.
 */
export async function lockTree(tx: AppDatabase, tenantId: string): Promise<void> {
  await lockUntilCommit(tx, `guichet.units:${tenantId}`);
}

/**
 * Whether `candidate` is `unitId` itself or lies under it in `all`.
 *
 * @example
 * isSelfOrDescendant(all, ccasId, famillesId) // true: familles is under ccas
 */
export function isSelfOrDescendant(all: UnitRow[], unitId: string, candidate: string): boolean {
  const parentOf = new Map(all.map((unit) => [unit.id, unit.parentId]));
  let cursor: string | null | undefined = candidate;
  for (let steps = 0; cursor != null && steps <= all.length; steps += 1) {
    if (cursor === unitId) return true;
    cursor = parentOf.get(cursor);
  }
  return false;
}
