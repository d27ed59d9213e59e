import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { memberships, tenantScope } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditStaff, userRef } from './auditStaff.ts';
import type { StaffContext } from './staffContext.ts';
import { lastAdmin, staffNotFound, unitOfAccessNotFound } from './staffErrors.ts';
import type { AccessEntry } from './staffInputs.ts';
import { distinctAccess, otherActiveAdmins, staffUser, unitsExist } from './staffQueries.ts';

/**
 * Replaces a staff member's roles and unit memberships with `access` (the whole list:
 * what the admin's screen shows is what is stored). Units must be the tenant's; the
 * last active admin keeps the admin role. The member's sessions pick the change up at
 * their next request (migration 0005 announces membership changes).
 *
 * @example
 * await setStaffAccess(context, { userId, access: [{ role: 'supervisor', unitId: ccasId }] });
 */
export function setStaffAccess(
  context: StaffContext,
  input: { userId: string; access: AccessEntry[] },
): Promise<Result<{ userId: string; access: AccessEntry[] }, DomainError>> {
  const tenantId = context.session.tenantId;
  const scope = tenantScope(tenantId);
  const access = distinctAccess(input.access);
  return inTransaction(context.db, async (tx) => {
    const user = await staffUser(tx, tenantId, input.userId, { forUpdate: true });
    if (!user) return err(staffNotFound());
    if (!(await unitsExist(tx, tenantId, access))) return err(unitOfAccessNotFound());
    const before = await tx
      .select({ role: memberships.role, unitId: memberships.unitId })
      .from(memberships)
      .where(scope.where(memberships, eq(memberships.userId, user.id)));
    const losesAdmin =
      before.some((entry) => entry.role === 'admin') &&
      !access.some((entry) => entry.role === 'admin');
    if (
      losesAdmin &&
      user.disabledAt === null &&
      (await otherActiveAdmins(tx, tenantId, user.id)) === 0
    ) {
      return err(lastAdmin());
    }
    await tx.delete(memberships).where(scope.where(memberships, eq(memberships.userId, user.id)));
    await tx
      .insert(memberships)
      .values(
        access.map((entry) => scope.values({ userId: user.id, ...entry, createdAt: context.now })),
      );
    await auditStaff(tx, context, {
      action: 'staff.access_changed',
      object: userRef(user.id),
      details: { before, after: access },
    });
    return ok({ userId: user.id, access });
  });
}
