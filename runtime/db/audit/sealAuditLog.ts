import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import type { AppDatabase } from '../types.ts';

/**
 * Chains the audit rows written since the last call (`guichet_seal_audit`, migration
 * 0010), up to `maxRows`; returns how many. Safe from several processes at once.
 *
 * @example
 * while ((await sealAuditLog(database.db)) > 0) {}
 */
export async function sealAuditLog(db: AppDatabase, maxRows = 10_000): Promise<number> {
  const { rows } = await sqlExecutorFor(db)('select guichet_seal_audit($1) as sealed', [maxRows]);
  return Number((rows[0] as { sealed: number | string } | undefined)?.sealed ?? 0);
}
