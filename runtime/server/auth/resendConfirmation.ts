import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, tenantScope, users } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SendJob } from '../core/jobPort.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { hit } from '../rateLimit/index.ts';
import { rateLimited } from './authErrors.ts';
import type { AuthRequest } from './authRequest.ts';
import { queueAccountMail } from './queueAccountMail.ts';

/** 3 mails per account and per 15 minutes: enough for a lost mail, not a mail bomb. */
const RESEND_LIMIT = { limit: 3, windowMs: 15 * 60_000 };

/**
 * Mails a new confirmation link to the signed-in citizen, replacing the previous one
 * (docs/SECURITY.md §50). Limited per account; an address already confirmed gets no
 * mail and `alreadyConfirmed: true`.
 *
 * @example
 * await resendConfirmation(db, session, request, deps.sendJob);
 */
export async function resendConfirmation(
  db: AppDatabase,
  session: SessionActor,
  request: AuthRequest,
  sendJob: SendJob,
): Promise<Result<{ alreadyConfirmed: boolean }, DomainError>> {
  const key = `confirm-resend:user:${session.tenantId}:${session.userId}`;
  const verdict = await hit(db, { key, ...RESEND_LIMIT }, request.now);
  if (!verdict.allowed) return err(rateLimited(verdict.retryAfterS));
  const scope = tenantScope(session.tenantId);
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ confirmedAt: users.emailConfirmedAt })
      .from(users)
      .where(scope.where(users, eq(users.id, session.userId)));
    if (!account || account.confirmedAt !== null) return ok({ alreadyConfirmed: true });
    await queueAccountMail(tx, sendJob, {
      tenantId: session.tenantId,
      userId: session.userId,
      purpose: 'confirm_email',
      now: request.now,
    });
    return ok({ alreadyConfirmed: false });
  });
}
