import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** The pg-boss queue of invitation mails (created by `ensureJobSchema`). */
export { STAFF_INVITATION_QUEUE } from '../effects/index.ts';

/** How long an invitation link works after it was sent. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The job's data: ids only. The token is drawn when the mail goes out, never stored. */
export const invitationJobSchema = z.strictObject({
  tenantId: z.uuid(),
  invitationId: z.uuid(),
});
export type InvitationJob = z.infer<typeof invitationJobSchema>;

/**
 * A new invitation token: 256 random bits, base64url (43 characters), and the hex
 * SHA-256 the database keeps instead (docs/SECURITY.md §40).
 *
 * @example
 * const { token, hash } = drawInvitationToken();
 */
export function drawInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: invitationTokenHash(token) };
}

export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
