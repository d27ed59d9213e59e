import type { QuotaAction } from '../core/accountQuotas.ts';
import { middleware } from '../trpc/index.ts';
import { accountQuota } from './accountQuota.ts';
import { unwrapWithRetryAfter } from './unwrapWithRetryAfter.ts';

/**
 * A tRPC middleware counting each call against the caller's hourly quota for `action`
 * (`config.quotas`), answered 429 with `Retry-After` past it. Put it after the
 * authentication gate (it needs the session) and before `.input()`: malformed calls
 * count too.
 *
 * @example
 * citizenProcedure.use(limitByAccount('drafts')).input(createInput).mutation(...)
 */
export function limitByAccount(action: QuotaAction) {
  return middleware(async ({ ctx, next }) => {
    if (ctx.session === null) return next();
    const { deps } = ctx;
    const who = { session: ctx.session, now: deps.clock(), quotas: deps.config.quotas };
    unwrapWithRetryAfter(ctx, await accountQuota(deps.database.db, who, action));
    return next();
  });
}
