import { and, eq, or } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, anonymousDossiers } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { anonymousErrors } from './anonymousErrors.ts';
import { FOLLOW_PASS_S, newPass } from './anonymousPass.ts';
import { tenantIdBySlug } from './anonymousQueries.ts';
import { trackingCodeHash } from './trackingCode.ts';

/**
 * Opens a dossier filed without an account on this browser from its tracking code: a
 * new pass (FOLLOW_PASS_S) replaces the previous one, so the pages of « Mes dossiers »
 * (status, timeline, messages, the complement to answer) work for it. An unknown,
 * malformed or replaced code, or one of another tenant, gets one and the same answer;
 * the procedure counts every attempt per client address (docs/SECURITY.md §54).
 *
 * @example
 * const followed = await followWithCode(db, { tenant: 'demo', code: '7KQ2-…' }, now);
 * if (followed.ok) ctx.setCookie(passCookie(followed.value.passToken, FOLLOW_PASS_S));
 */
export async function followWithCode(
  db: AppDatabase,
  input: { tenant: string; code: string },
  now: Date,
): Promise<Result<{ dossierId: string; passToken: string }, DomainError>> {
  const hash = trackingCodeHash(input.code);
  const tenantId = await tenantIdBySlug(db, input.tenant);
  if (hash === null || tenantId === null) return err(anonymousErrors.unknownCode());
  const pass = newPass();
  const [row] = await db
    .update(anonymousDossiers)
    .set({ passHash: pass.hash, passExpiresAt: new Date(now.getTime() + FOLLOW_PASS_S * 1000) })
    .where(
      and(
        eq(anonymousDossiers.tenantId, tenantId),
        // The code shown on screen or the one mailed (§111): either opens the dossier.
        or(eq(anonymousDossiers.codeHash, hash), eq(anonymousDossiers.mailedCodeHash, hash)),
      ),
    )
    .returning({ dossierId: anonymousDossiers.dossierId });
  if (row === undefined) return err(anonymousErrors.unknownCode());
  return ok({ dossierId: row.dossierId, passToken: pass.token });
}
