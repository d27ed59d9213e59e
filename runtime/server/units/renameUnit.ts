import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditUnit } from './auditUnit.ts';
import type { UnitContext } from './unitContext.ts';
import { unitNotFound } from './unitErrors.ts';
import { type UnitRow, unitColumns } from './unitQueries.ts';

/**
 * Renames a unit. Only its display name: the code is what routing rules and workflow
 * owners name, and changing it would silently unroute published démarches.
 *
 * @example
 * await renameUnit(context, { id, name: 'Pôle familles et petite enfance' });
 */
export function renameUnit(
  context: UnitContext,
  input: { id: string; name: string },
): Promise<Result<UnitRow, DomainError>> {
  const scope = tenantScope(context.session.tenantId);
  return inTransaction<UnitRow, DomainError>(context.db, async (tx) => {
    const [before] = await tx
      .select({ name: units.name })
      .from(units)
      .where(scope.where(units, eq(units.id, input.id)))
      .for('update');
    if (!before) return err(unitNotFound());
    const [renamed] = await tx
      .update(units)
      .set({ name: input.name })
      .where(scope.where(units, eq(units.id, input.id)))
      .returning(unitColumns);
    await auditUnit(tx, context, {
      action: 'unit.renamed',
      unitId: input.id,
      details: { before: before.name, after: input.name },
    });
    return ok(renamed!);
  });
}
