import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { type AccountQuotas, QUOTA_WORDS, type QuotaAction } from '../core/accountQuotas.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { hit } from './hit.ts';

const HOUR_MS = 3600_000;

/**
 * Counts one `action` for the session's account in the PostgreSQL-backed counters and
 * refuses past the hourly quota with `QUOTA_EXCEEDED` (429) and `details.retryAfterS`.
 * Every call counts, so a tRPC batch of creations is counted call by call. The system
 * session (timers) is never limited.
 *
 * @example
 * const allowed = await accountQuota(db, { session, now, quotas }, 'drafts');
 * if (!allowed.ok) return allowed;
 */
export async function accountQuota(
  db: AppDatabase,
  who: { session: SessionActor; now: Date; quotas: AccountQuotas },
  action: QuotaAction,
): Promise<Result<void, DomainError>> {
  const { session, now, quotas } = who;
  if (session.kind === 'system') return ok(undefined);
  const limit = quotas.perHour[action][session.kind];
  const key = `quota:${action}:user:${session.userId}`;
  const verdict = await hit(db, { key, limit, windowMs: HOUR_MS }, now);
  if (verdict.allowed) return ok(undefined);
  const minutes = Math.ceil(verdict.retryAfterS / 60);
  return err({
    code: 'QUOTA_EXCEEDED',
    message: `Limite atteinte : ${limit} ${QUOTA_WORDS[action]} par heure. Veuillez réessayer dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    details: { retryAfterS: verdict.retryAfterS, limit },
  });
}
