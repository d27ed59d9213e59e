import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { memberships, staffInvitations, tenantScope, units, users } from '../../db/index.ts';
import type { StaffContext } from './staffContext.ts';

export interface StaffMember {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  /** Each role, on the whole tenant (`unit: null`) or on one unit. */
  access: Array<{
    role: 'admin' | 'agent' | 'supervisor';
    unit: { id: string; code: string; name: string } | null;
  }>;
}

export interface PendingInvitation {
  id: string;
  email: string;
  displayName: string;
  expiresAt: string;
  sent: boolean;
}

/**
 * The tenant's staff with their roles and units, by name, and the invitations still
 * waiting for an answer. Citizens are not staff and never listed.
 *
 * @example
 * const { members, invitations } = await listStaff(context);
 */
export async function listStaff(
  context: StaffContext,
): Promise<{ members: StaffMember[]; invitations: PendingInvitation[] }> {
  const scope = tenantScope(context.session.tenantId);
  const people = await context.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(scope.where(users, eq(users.kind, 'staff')))
    .orderBy(asc(users.displayName), asc(users.id));
  const rows = await context.db
    .select({
      userId: memberships.userId,
      role: memberships.role,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
    })
    .from(memberships)
    .leftJoin(
      units,
      and(eq(units.tenantId, memberships.tenantId), eq(units.id, memberships.unitId)),
    )
    .where(scope.where(memberships))
    .orderBy(asc(memberships.role), asc(units.code));
  const accessOf = new Map<string, StaffMember['access']>();
  for (const row of rows) {
    const unit =
      row.unitId === null ? null : { id: row.unitId, code: row.unitCode!, name: row.unitName! };
    accessOf.set(row.userId, [...(accessOf.get(row.userId) ?? []), { role: row.role, unit }]);
  }
  const pending = await context.db
    .select({
      id: staffInvitations.id,
      email: staffInvitations.email,
      displayName: staffInvitations.displayName,
      expiresAt: staffInvitations.expiresAt,
      sentAt: staffInvitations.sentAt,
    })
    .from(staffInvitations)
    .where(
      scope.where(
        staffInvitations,
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.revokedAt),
        gt(staffInvitations.expiresAt, context.now),
      ),
    )
    .orderBy(asc(staffInvitations.email));
  return {
    members: people.map((person) => ({
      id: person.id,
      email: person.email,
      displayName: person.displayName,
      disabled: person.disabledAt !== null,
      access: accessOf.get(person.id) ?? [],
    })),
    invitations: pending.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      displayName: invitation.displayName,
      expiresAt: invitation.expiresAt.toISOString(),
      sent: invitation.sentAt !== null,
    })),
  };
}
