import type { AppDatabase } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { UnitContext } from './unitContext.ts';

/**
 * One audit row per change of the tree (docs/SECURITY.md §20), in the change's
 * transaction: `unit.created`, `unit.renamed`, `unit.moved`, `unit.imported`.
 */
export function auditUnit(
  tx: AppDatabase,
  context: UnitContext,
  entry: { action: string; unitId: string | null; details: Record<string, unknown> },
): Promise<void> {
  return recordSessionAudit(tx, context, {
    action: entry.action,
    object: entry.unitId === null ? `tenant:${context.session.tenantId}` : `unit:${entry.unitId}`,
    details: entry.details,
  });
}
