import type { AppDatabase } from '../../db/index.ts';
import { recordSessionAudit, userRef } from '../audit/index.ts';
import type { StaffContext } from './staffContext.ts';

/**
 * One audit row per change of the staff (docs/SECURITY.md §20), in the change's
 * transaction: `staff.invited`, `staff.access_changed`, `staff.disabled`,
 * `staff.enabled`. Never a token or a password.
 */
export function auditStaff(
  tx: AppDatabase,
  context: StaffContext,
  entry: { action: string; object: string; details: Record<string, unknown> },
): Promise<void> {
  return recordSessionAudit(tx, context, entry);
}

export { userRef };
