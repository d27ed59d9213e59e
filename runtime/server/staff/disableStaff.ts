import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { memberships, tenantScope, users } from '../../db/index.ts';
import { disableUser } from '../auth/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditStaff, userRef } from './auditStaff.ts';
import type { StaffContext } from './staffContext.ts';
import { lastAdmin, notYourself, staffNotFound } from './staffErrors.ts';
import { otherActiveAdmins, staffUser } from './staffQueries.ts';

/**
 * Disables a staff account and ends every session it has (docs/SECURITY.md §5, §44), through
 * `auth`'s `disableUser`. An admin cannot disable themself, nor the last active admin.
 * The caller drops the user from this process's session cache after commit.
 *
 * @example
 * const result = await disableStaff(context, { userId });
 * if (result.ok) ctx.deps.forgetSessions({ tenantId, userId });
 */
export function disableStaff(
  context: StaffContext,
  input: { userId: string },
): Promise<Result<{ userId: string; revokedSessions: number }, DomainError>> {
  const tenantId = context.session.tenantId;
  return inTransaction(context.db, async (tx) => {
    const user = await staffUser(tx, tenantId, input.userId, { forUpdate: true });
    if (!user) return err(staffNotFound());
    if (user.id === context.session.userId) return err(notYourself());
    const isAdmin = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        tenantScope(tenantId).where(
          memberships,
          eq(memberships.userId, user.id),
          eq(memberships.role, 'admin'),
        ),
      );
    if (isAdmin.length > 0 && (await otherActiveAdmins(tx, tenantId, user.id)) === 0) {
      return err(lastAdmin());
    }
    const disabled = await disableUser(tx, tenantId, user.id);
    if (!disabled.ok) return disabled;
    await auditStaff(tx, context, {
      action: 'staff.disabled',
      object: userRef(user.id),
      details: { revokedSessions: disabled.value.revokedSessions },
    });
    return ok({ userId: user.id, revokedSessions: disabled.value.revokedSessions });
  });
}

/**
 * Re-enables a disabled staff account: it may sign in again (its old sessions stay
 * revoked), with its failed-login counter and lock cleared.
 *
 * @example
 * await enableStaff(context, { userId });
 */
export function enableStaff(
  context: StaffContext,
  input: { userId: string },
): Promise<Result<{ userId: string }, DomainError>> {
  const tenantId = context.session.tenantId;
  return inTransaction(context.db, async (tx) => {
    const user = await staffUser(tx, tenantId, input.userId, { forUpdate: true });
    if (!user) return err(staffNotFound());
    await tx
      .update(users)
      .set({ disabledAt: null, failedLogins: 0, lockedUntil: null })
      .where(tenantScope(tenantId).where(users, eq(users.id, user.id)));
    await auditStaff(tx, context, {
      action: 'staff.enabled',
      object: userRef(user.id),
      details: { wasDisabled: user.disabledAt !== null },
    });
    return ok({ userId: user.id });
  });
}
