import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, accountTokens, users } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { findAccountById } from './accountQueries.ts';
import { accountTokenHash } from './accountTokens.ts';
import { ACCOUNT_LINK_INVALID } from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { hashPassword } from './password.ts';
import { checkPasswordPolicy } from './passwordPolicy.ts';
import { revokeUserSessions } from './sessionQueries.ts';
import { useAccountLink } from './useAccountLink.ts';

export interface PasswordReset {
  tenantId: string;
  userId: string;
  email: string;
  revokedSessions: number;
}

/**
 * Sets a new password with a mailed reset link (docs/SECURITY.md §51). The link is
 * checked first without being spent, so a password the policy refuses (§3) leaves it
 * usable; then, in one transaction, it is spent (once: a guarded UPDATE), the password
 * replaced, the lock cleared, every session of the account revoked (whoever held one is
 * out) and the other reset links withdrawn. The mailbox is proven too, so an
 * unconfirmed address becomes confirmed. No session is opened: the citizen logs in.
 *
 * @example
 * const reset = await resetPassword(db, { token, password }, request);
 * if (reset.ok) deps.forgetSessions(reset.value);
 */
export async function resetPassword(
  db: AppDatabase,
  input: { token: string; password: string },
  request: AuthRequest,
): Promise<Result<PasswordReset, DomainError>> {
  const [pending] = await db
    .select({ tenantId: accountTokens.tenantId, userId: accountTokens.userId })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, accountTokenHash(input.token)),
        eq(accountTokens.purpose, 'reset_password'),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, request.now),
      ),
    );
  const account = pending ? await findAccountById(db, pending.tenantId, pending.userId) : null;
  if (!account || account.disabledAt !== null) return err(ACCOUNT_LINK_INVALID);
  const policy = checkPasswordPolicy(input.password, [account.email, account.displayName]);
  if (!policy.ok) {
    return err({ ...policy.error, fieldErrors: { password: [policy.error.message] } });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const link = await useAccountLink(tx, input.token, 'reset_password', request.now);
    if (!link) return err(ACCOUNT_LINK_INVALID);
    const owner = and(eq(users.tenantId, link.tenantId), eq(users.id, link.userId));
    await tx
      .update(users)
      .set({
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, ${request.now.toISOString()}::timestamptz)`,
      })
      .where(owner);
    await tx
      .update(accountTokens)
      .set({ revokedAt: request.now })
      .where(
        and(
          eq(accountTokens.tenantId, link.tenantId),
          eq(accountTokens.userId, link.userId),
          eq(accountTokens.purpose, 'reset_password'),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.revokedAt),
        ),
      );
    const target = { tenantId: link.tenantId, userId: link.userId };
    const revokedSessions = await revokeUserSessions(tx, target, request.now);
    await recordAudit(tx, {
      tenantId: link.tenantId,
      actor: userRef(link.userId),
      action: 'auth.password_reset',
      object: userRef(link.userId),
      requestId: request.requestId,
      at: request.now,
      details: { revokedSessions, ip: request.ip },
    });
    return ok({ ...target, email: account.email, revokedSessions });
  });
}
