import { and, eq, isNull } from 'drizzle-orm';
import { type AccountTokenPurpose, type AppTransaction, accountTokens } from '../../db/index.ts';
import { ACCOUNT_MAIL_QUEUE, type SendJob } from '../core/jobPort.ts';
import { ACCOUNT_LINK_LIFETIME_MS, type AccountMailJob } from './accountTokens.ts';

export interface AccountMailRequest {
  tenantId: string;
  userId: string;
  purpose: AccountTokenPurpose;
  now: Date;
}

/**
 * Asks for a link to be mailed to an account's owner, inside the caller's transaction:
 * the pending link row (no token yet) and its job commit together with the change that
 * asked for them (the outbox, docs/SECURITY.md §23). Older links of the same purpose
 * stop working, so only the latest mail's link does. The worker draws the token when it
 * sends the mail (`sendAccountMail`).
 *
 * @example
 * await queueAccountMail(tx, deps.sendJob, { tenantId, userId, purpose: 'confirm_email', now });
 */
export async function queueAccountMail(
  tx: AppTransaction,
  sendJob: SendJob,
  request: AccountMailRequest,
): Promise<void> {
  const { tenantId, userId, purpose, now } = request;
  await tx
    .update(accountTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accountTokens.tenantId, tenantId),
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    );
  const [row] = await tx
    .insert(accountTokens)
    .values({
      tenantId,
      userId,
      purpose,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ACCOUNT_LINK_LIFETIME_MS[purpose]),
    })
    .returning({ id: accountTokens.id });
  const job: AccountMailJob = { tenantId, tokenId: row!.id };
  await sendJob(tx, ACCOUNT_MAIL_QUEUE, job, { id: row!.id, singletonKey: `account:${row!.id}` });
}
