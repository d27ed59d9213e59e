import { and, eq, isNull } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, users } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { ACCOUNT_LINK_INVALID } from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { useAccountLink } from './useAccountLink.ts';

/**
 * Confirms a citizen's address with the link mailed at sign-up (docs/SECURITY.md §50):
 * the token works once, within 48 hours, and only the latest one sent; every other case
 * gets `ACCOUNT_LINK_INVALID`. It needs no session, as the mail may be opened on another
 * device than the one that signed up.
 *
 * @example
 * await confirmEmail(db, { token }, request);
 */
export function confirmEmail(
  db: AppDatabase,
  input: { token: string },
  request: AuthRequest,
): Promise<Result<{ confirmed: true }, DomainError>> {
  return db.transaction(async (tx) => {
    const link = await useAccountLink(tx, input.token, 'confirm_email', request.now);
    if (!link) return err(ACCOUNT_LINK_INVALID);
    await tx
      .update(users)
      .set({ emailConfirmedAt: request.now })
      .where(
        and(
          eq(users.tenantId, link.tenantId),
          eq(users.id, link.userId),
          isNull(users.emailConfirmedAt),
        ),
      );
    await recordAudit(tx, {
      tenantId: link.tenantId,
      actor: userRef(link.userId),
      action: 'auth.email_confirmed',
      object: userRef(link.userId),
      requestId: request.requestId,
      at: request.now,
      details: { ip: request.ip },
    });
    return ok({ confirmed: true as const });
  });
}
