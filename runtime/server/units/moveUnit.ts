import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditUnit } from './auditUnit.ts';
import type { UnitContext } from './unitContext.ts';
import { parentArchived, parentNotFound, unitCycle, unitNotFound } from './unitErrors.ts';
import { isSelfOrDescendant, lockTree, type UnitRow, unitColumns, unitsOf } from './unitQueries.ts';

/**
 * Moves a unit (and its sub-units) under `parentId`, or to the top (null). Refused when
 * the new parent is the unit itself or one of its descendants (a cycle), or is not a
 * unit of the tenant (another tenant's id reads as none; the composite foreign key
 * `units_parent_fk` would refuse it anyway). The tree is locked for the check and the
 * write, so two concurrent moves cannot make a cycle together.
 *
 * @example
 * await moveUnit(context, { id: famillesId, parentId: mairieId });
 */
export function moveUnit(
  context: UnitContext,
  input: { id: string; parentId: string | null },
): Promise<Result<UnitRow, DomainError>> {
  const tenantId = context.session.tenantId;
  return inTransaction<UnitRow, DomainError>(context.db, async (tx) => {
    await lockTree(tx, tenantId);
    const all = await unitsOf(tx, tenantId);
    const unit = all.find((candidate) => candidate.id === input.id);
    if (!unit) return err(unitNotFound());
    if (input.parentId !== null) {
      const parent = all.find((candidate) => candidate.id === input.parentId);
      if (!parent) return err(parentNotFound());
      if (parent.archived) return err(parentArchived());
      if (isSelfOrDescendant(all, unit.id, input.parentId)) return err(unitCycle());
    }
    const [moved] = await tx
      .update(units)
      .set({ parentId: input.parentId })
      .where(tenantScope(tenantId).where(units, eq(units.id, unit.id)))
      .returning(unitColumns);
    await auditUnit(tx, context, {
      action: 'unit.moved',
      unitId: unit.id,
      details: { before: unit.parentId, after: input.parentId },
    });
    return ok(moved!);
  });
}
