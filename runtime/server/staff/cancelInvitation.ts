import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { staffInvitations, tenantScope } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { auditStaff } from './auditStaff.ts';
import type { StaffContext } from './staffContext.ts';
import { invitationAlreadyAccepted, invitationNotFound } from './staffErrors.ts';

/**
 * Cancels a pending invitation (docs/SECURITY.md §115): it is marked revoked, so its link
 * stops working at once (`acceptInvitation` refuses a revoked one) and a mail still
 * queued for it is never sent (`sendInvitationMail` skips it). Cancelling one already
 * revoked or expired changes nothing and succeeds, so a double click is harmless; one
 * already accepted is refused: the account exists, and disabling it is the way out.
 * Another tenant's invitation reads as one that exists nowhere.
 *
 * @example
 * await cancelInvitation(context, { invitationId });
 */
export function cancelInvitation(
  context: StaffContext,
  input: { invitationId: string },
): Promise<Result<{ invitationId: string; cancelled: boolean }, DomainError>> {
  const scope = tenantScope(context.session.tenantId);
  return inTransaction(context.db, async (tx) => {
    const [invitation] = await tx
      .select({
        id: staffInvitations.id,
        email: staffInvitations.email,
        acceptedAt: staffInvitations.acceptedAt,
        revokedAt: staffInvitations.revokedAt,
      })
      .from(staffInvitations)
      .where(scope.where(staffInvitations, eq(staffInvitations.id, input.invitationId)))
      .for('update');
    if (!invitation) return err(invitationNotFound());
    if (invitation.acceptedAt !== null) return err(invitationAlreadyAccepted());
    const cancelled = invitation.revokedAt === null;
    if (cancelled) {
      await tx
        .update(staffInvitations)
        .set({ revokedAt: context.now })
        .where(scope.where(staffInvitations, eq(staffInvitations.id, invitation.id)));
    }
    await auditStaff(tx, context, {
      action: 'staff.invitation_cancelled',
      object: `invitation:${invitation.id}`,
      details: { email: invitation.email, wasPending: cancelled },
    });
    return ok({ invitationId: invitation.id, cancelled });
  });
}
