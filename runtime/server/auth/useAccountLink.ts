import { and, eq, gt, isNull } from 'drizzle-orm';
import { type AccountTokenPurpose, type AppTransaction, accountTokens } from '../../db/index.ts';
import { accountTokenHash } from './accountTokens.ts';

/**
 * Spends a mailed link of `purpose`: marks it used if it is known, unused, unreplaced and
 * unexpired, and returns whose it is; null in every other case, which callers answer
 * with one and the same error. One guarded UPDATE, so two clicks spend it once.
 *
 * @example
 * const owner = await useAccountLink(tx, token, 'reset_password', now);
 */
export async function useAccountLink(
  tx: AppTransaction,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ tenantId: string; userId: string; id: string } | null> {
  const [link] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, accountTokenHash(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({
      tenantId: accountTokens.tenantId,
      userId: accountTokens.userId,
      id: accountTokens.id,
    });
  return link ?? null;
}
