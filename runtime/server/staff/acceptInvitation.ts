import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import {
  type AppDatabase,
  memberships,
  staffInvitations,
  tenants,
  units,
  users,
} from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { invitationTokenHash } from './invitationJob.ts';
import { emailTaken, INVITATION_INVALID } from './staffErrors.ts';
import { lockInvitationsOf } from './staffQueries.ts';

export interface AcceptRequest {
  now: Date;
  requestId: string;
  ip: string;
}

/**
 * Turns an invitation into a staff account (docs/SECURITY.md §40): the token is looked
 * up by its hash, and must be unused, unrevoked and unexpired — one answer for every
 * other case. The password follows the sign-up policy (docs/SECURITY.md §3). Marking
 * the invitation used and creating the account happen in one transaction, guarded by
 * `accepted_at is null`, so two clicks on the link create one account; it takes turns
 * with the address's invitations (`lockInvitationsOf`), so an invitation sent at the
 * same moment either revokes this one first or finds the account made. No session is
 * opened: the new agent signs in, as after a sign-up.
 *
 * @example
 * await acceptInvitation(db, { token, password: 'une phrase de passe bien longue' }, request);
 */
export async function acceptInvitation(
  db: AppDatabase,
  input: { token: string; password: string },
  request: AcceptRequest,
): Promise<Result<{ tenant: string; email: string }, DomainError>> {
  const hash = invitationTokenHash(input.token);
  const [found] = await db
    .select({
      tenantId: staffInvitations.tenantId,
      email: staffInvitations.email,
      displayName: staffInvitations.displayName,
    })
    .from(staffInvitations)
    .where(eq(staffInvitations.tokenHash, hash));
  if (!found) return err(INVITATION_INVALID);
  const policy = checkPasswordPolicy(input.password, [found.email, found.displayName]);
  if (!policy.ok) return policy;
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    // Takes turns with a new invitation of the address: one accepted as the admin
    // invites again would otherwise leave the new link live beside the new account.
    await lockInvitationsOf(tx, found.tenantId, found.email);
    const [invitation] = await tx
      .update(staffInvitations)
      .set({ acceptedAt: request.now })
      .where(
        and(
          eq(staffInvitations.tokenHash, hash),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
          gt(staffInvitations.expiresAt, request.now),
        ),
      )
      .returning();
    if (!invitation) return err(INVITATION_INVALID);
    const { tenantId } = invitation;
    const [user] = await tx
      .insert(users)
      .values({
        tenantId,
        email: invitation.email,
        displayName: invitation.displayName,
        kind: 'staff',
        passwordHash,
        createdAt: request.now,
      })
      .onConflictDoNothing({ target: [users.tenantId, users.email] })
      .returning({ id: users.id });
    if (!user) return err(emailTaken());
    // Units removed since the invitation are dropped, not fatal.
    const unitIds = invitation.access.flatMap((entry) => (entry.unitId ? [entry.unitId] : []));
    const live = new Set(
      unitIds.length === 0
        ? []
        : (
            await tx
              .select({ id: units.id })
              .from(units)
              .where(and(eq(units.tenantId, tenantId), inArray(units.id, unitIds)))
          ).map((unit) => unit.id),
    );
    const granted = invitation.access.filter(
      (entry) => entry.unitId === null || live.has(entry.unitId),
    );
    if (granted.length > 0) {
      await tx
        .insert(memberships)
        .values(granted.map((entry) => ({ tenantId, userId: user.id, ...entry })))
        .onConflictDoNothing();
    }
    await tx
      .update(staffInvitations)
      .set({ userId: user.id })
      .where(and(eq(staffInvitations.tenantId, tenantId), eq(staffInvitations.id, invitation.id)));
    await recordAudit(tx, {
      tenantId,
      actor: userRef(user.id),
      action: 'staff.invitation_accepted',
      object: `invitation:${invitation.id}`,
      requestId: request.requestId,
      at: request.now,
      details: { access: granted, ip: request.ip },
    });
    const [tenant] = await tx
      .select({ slug: tenants.slug })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return ok({ tenant: tenant!.slug, email: invitation.email });
  });
}
