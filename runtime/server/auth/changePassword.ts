import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, tenantScope, users } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { ACCOUNT_MAIL_QUEUE, type SendJob } from '../core/jobPort.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { hit } from '../rateLimit/index.ts';
import { findAccountById } from './accountQueries.ts';
import type { AccountNoticeJob } from './accountTokens.ts';
import {
  rateLimited,
  SAME_PASSWORD,
  USER_NOT_FOUND,
  WRONG_CURRENT_PASSWORD,
} from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkPasswordPolicy } from './passwordPolicy.ts';
import { revokeUserSessions } from './sessionQueries.ts';

/** A stolen session must not become a way to guess the password: 6 tries per 15 min. */
const CHANGE_LIMIT = { limit: 6, windowMs: 15 * 60_000 };

/**
 * Changes the password of the signed-in user after checking the current one, and
 * revokes every OTHER session of the user (docs/SECURITY.md §5): whoever else held one is
 * signed out, the device that made the change stays signed in. The owner is told by mail
 * (§110): the job is written in the same transaction, so a change never goes untold.
 *
 * @example
 * unwrap(await changePassword(db, { session: ctx.session, current, next }, request, sendJob));
 */
export async function changePassword(
  db: AppDatabase,
  change: { session: SessionActor; current: string; next: string },
  request: AuthRequest,
  sendJob: SendJob,
): Promise<Result<{ revokedSessions: number }, DomainError>> {
  const { session, ...passwords } = change;
  const key = `password-change:user:${session.tenantId}:${session.userId}`;
  const verdict = await hit(db, { key, ...CHANGE_LIMIT }, request.now);
  if (!verdict.allowed) return err(rateLimited(verdict.retryAfterS));

  const account = await findAccountById(db, session.tenantId, session.userId);
  if (!account?.passwordHash) return err(USER_NOT_FOUND);
  if (!(await verifyPassword(account.passwordHash, passwords.current))) {
    return err(WRONG_CURRENT_PASSWORD);
  }
  if (passwords.next.normalize('NFC') === passwords.current.normalize('NFC')) {
    return err(SAME_PASSWORD);
  }
  const policy = checkPasswordPolicy(passwords.next, [account.email, account.displayName]);
  if (!policy.ok) return err({ ...policy.error, fieldErrors: { next: [policy.error.message] } });

  const passwordHash = await hashPassword(passwords.next);
  const revokedSessions = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(tenantScope(session.tenantId).where(users, eq(users.id, session.userId)));
    const target = { tenantId: session.tenantId, userId: session.userId, keep: session.sessionId };
    const revoked = await revokeUserSessions(tx, target, request.now);
    await recordAudit(tx, {
      tenantId: session.tenantId,
      actor: userRef(session.userId),
      action: 'auth.password_changed',
      object: userRef(session.userId),
      requestId: request.requestId,
      at: request.now,
      details: { revokedSessions: revoked },
    });
    const notice: AccountNoticeJob = {
      tenantId: session.tenantId,
      userId: session.userId,
      notice: 'password_changed',
      at: request.now.toISOString(),
    };
    const jobId = randomUUID();
    await sendJob(tx, ACCOUNT_MAIL_QUEUE, notice, { id: jobId, singletonKey: `notice:${jobId}` });
    return revoked;
  });
  return ok({ revokedSessions });
}
