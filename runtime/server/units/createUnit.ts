import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditUnit } from './auditUnit.ts';
import type { UnitContext } from './unitContext.ts';
import { parentArchived, parentNotFound, unitCodeTaken } from './unitErrors.ts';
import { lockTree, type UnitRow, unitById, unitColumns } from './unitQueries.ts';

/**
 * Adds a unit under `parentId` (null: a root). The parent must be the tenant's own
 * (another tenant's id reads as none); the code must be free in the tenant.
 *
 * @example
 * await createUnit(context, { code: 'ccas-seniors', name: 'Pôle seniors', parentId: ccasId });
 */
export function createUnit(
  context: UnitContext,
  input: { code: string; name: string; parentId: string | null },
): Promise<Result<UnitRow, DomainError>> {
  const tenantId = context.session.tenantId;
  return inTransaction<UnitRow, DomainError>(context.db, async (tx) => {
    await lockTree(tx, tenantId);
    if (input.parentId !== null) {
      const parent = await unitById(tx, tenantId, input.parentId);
      if (!parent) return err(parentNotFound());
      if (parent.archived) return err(parentArchived());
    }
    const [created] = await tx
      .insert(units)
      .values(
        tenantScope(tenantId).values({
          code: input.code,
          name: input.name,
          parentId: input.parentId,
          createdAt: context.now,
        }),
      )
      .onConflictDoNothing({ target: [units.tenantId, units.code] })
      .returning(unitColumns);
    if (!created) return err(unitCodeTaken(input.code));
    await auditUnit(tx, context, {
      action: 'unit.created',
      unitId: created.id,
      details: { code: created.code, parentId: created.parentId },
    });
    return ok(created);
  });
}
