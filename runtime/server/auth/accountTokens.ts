import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AccountTokenPurpose } from '../../db/index.ts';

/** How long a mailed link works once sent (docs/SECURITY.md §50–§51). */
export const ACCOUNT_LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  confirm_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** The citizen app's page each link opens; the token travels in the fragment. */
export const ACCOUNT_LINK_PATH: Record<AccountTokenPurpose, string> = {
  confirm_email: '/confirmer',
  reset_password: '/reinitialiser',
};

/** A link job's data: ids only. The token is drawn when the mail goes out, never stored. */
export const accountLinkJobSchema = z.strictObject({
  tenantId: z.uuid(),
  tokenId: z.uuid(),
});
export type AccountMailJob = z.infer<typeof accountLinkJobSchema>;

/** A notice with no link (the password was changed): who, and when it happened. */
export const accountNoticeJobSchema = z.strictObject({
  tenantId: z.uuid(),
  userId: z.uuid(),
  notice: z.literal('password_changed'),
  at: z.iso.datetime(),
});
export type AccountNoticeJob = z.infer<typeof accountNoticeJobSchema>;

/** What the `account-mail` queue carries: a link to draw and mail, or a notice. */
export const accountMailJobSchema = z.union([accountLinkJobSchema, accountNoticeJobSchema]);

/**
 * A new link token: 256 random bits, base64url (43 characters), and the hex SHA-256 the
 * database keeps instead.
 *
 * @example
 * const { token, hash } = drawAccountToken();
 */
export function drawAccountToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: accountTokenHash(token) };
}

export function accountTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
