import { and, eq, isNull } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditUnit } from './auditUnit.ts';
import type { UnitContext } from './unitContext.ts';
import { unitNotFound } from './unitErrors.ts';
import { lockTree, type UnitRow, unitColumns } from './unitQueries.ts';

/**
 * Archives a unit, or brings it back (`archived: false`). An archived unit is kept —
 * dossiers, memberships and routing rules name its code, and deleting it would break
 * them — but no unit may be created or moved under it. A unit with sub-units still in
 * service cannot be archived: they would hang under a unit that no longer exists for
 * the admins (docs/SECURITY.md §81).
 *
 * @example
 * await setUnitArchived(context, { id, archived: true });
 */
export function setUnitArchived(
  context: UnitContext,
  input: { id: string; archived: boolean },
): Promise<Result<UnitRow, DomainError>> {
  const tenantId = context.session.tenantId;
  const scope = tenantScope(tenantId);
  return inTransaction<UnitRow, DomainError>(context.db, async (tx) => {
    await lockTree(tx, tenantId);
    const [unit] = await tx
      .select({ id: units.id, archivedAt: units.archivedAt })
      .from(units)
      .where(scope.where(units, eq(units.id, input.id)));
    if (!unit) return err(unitNotFound());
    if (input.archived) {
      const children = await tx
        .select({ code: units.code })
        .from(units)
        .where(scope.where(units, and(eq(units.parentId, input.id), isNull(units.archivedAt))));
      if (children.length > 0) return err(activeChildren(children.map((c) => c.code)));
    }
    const [changed] = await tx
      .update(units)
      .set({ archivedAt: input.archived ? (unit.archivedAt ?? context.now) : null })
      .where(scope.where(units, eq(units.id, input.id)))
      .returning(unitColumns);
    await auditUnit(tx, context, {
      action: input.archived ? 'unit.archived' : 'unit.restored',
      unitId: input.id,
      details: {},
    });
    return ok(changed!);
  });
}

function activeChildren(codes: string[]): DomainError {
  return {
    code: 'UNIT_HAS_ACTIVE_CHILDREN',
    message: `Ce service a des sous-services en activité (${codes.join(', ')}) : archivez-les ou déplacez-les d’abord.`,
  };
}
