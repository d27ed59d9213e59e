import { eq, isNull } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { staffInvitations, tenantScope, users } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { sendJob } from '../effects/index.ts';
import { auditStaff } from './auditStaff.ts';
import {
  INVITATION_LIFETIME_MS,
  type InvitationJob,
  STAFF_INVITATION_QUEUE,
} from './invitationJob.ts';
import type { StaffContext } from './staffContext.ts';
import { emailTaken, unitOfAccessNotFound } from './staffErrors.ts';
import type { AccessEntry } from './staffInputs.ts';
import { distinctAccess, lockInvitationsOf, unitsExist } from './staffQueries.ts';

/**
 * Invites a new staff member: records the invitation (who, which roles on which units,
 * until when) and, in the same transaction, the job that mails the link (the
 * transactional outbox, docs/SECURITY.md §23). The token is drawn by the worker when it
 * sends the mail and only its hash is stored (docs/SECURITY.md §40). A newer invitation
 * to the same address revokes the older ones, so only the last link works; two at the
 * same moment (two admins, two tabs) take turns, so the later one revokes the earlier.
 *
 * @example
 * await inviteStaff(context, { email: 'lea@mairie.fr', displayName: 'Léa', access: [{ role: 'agent', unitId }] });
 */
export function inviteStaff(
  context: StaffContext,
  input: { email: string; displayName: string; access: AccessEntry[] },
): Promise<Result<{ id: string; email: string; expiresAt: string }, DomainError>> {
  const tenantId = context.session.tenantId;
  const scope = tenantScope(tenantId);
  const access = distinctAccess(input.access);
  return inTransaction(context.db, async (tx) => {
    // Without it, both would revoke what was there before either, and both stay live.
    await lockInvitationsOf(tx, tenantId, input.email);
    if (!(await unitsExist(tx, tenantId, access))) return err(unitOfAccessNotFound());
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(scope.where(users, eq(users.email, input.email)));
    if (existing) return err(emailTaken());
    await tx
      .update(staffInvitations)
      .set({ revokedAt: context.now })
      .where(
        scope.where(
          staffInvitations,
          eq(staffInvitations.email, input.email),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
        ),
      );
    const expiresAt = new Date(context.now.getTime() + INVITATION_LIFETIME_MS);
    const [invitation] = await tx
      .insert(staffInvitations)
      .values(
        scope.values({
          email: input.email,
          displayName: input.displayName,
          access,
          invitedBy: context.session.userId,
          createdAt: context.now,
          expiresAt,
        }),
      )
      .returning({ id: staffInvitations.id });
    const job: InvitationJob = { tenantId, invitationId: invitation!.id };
    await sendJob(tx, STAFF_INVITATION_QUEUE, job, {
      id: invitation!.id,
      singletonKey: `invitation:${invitation!.id}`,
    });
    await auditStaff(tx, context, {
      action: 'staff.invited',
      object: `invitation:${invitation!.id}`,
      details: { email: input.email, access },
    });
    return ok({ id: invitation!.id, email: input.email, expiresAt: expiresAt.toISOString() });
  });
}
