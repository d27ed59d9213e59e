import { middleware, toTRPCError } from '../trpc/index.ts';
import { clientAddressKey } from './clientAddressKey.ts';
import { hit } from './hit.ts';

export interface ClientIpLimit {
  /** Names the counter: `login`, `signup`, `password-reset`… */
  action: string;
  limit: number;
  windowMs: number;
}

/**
 * A tRPC middleware that counts each call per client address and answers 429 with
 * `Retry-After` past the limit (docs/SECURITY.md §1). Put it before `.input()`: malformed
 * calls count too.
 *
 * @example
 * publicProcedure.use(limitByClientIp({ action: 'login', limit: 10, windowMs: 15_000 }))
 */
export function limitByClientIp(rule: ClientIpLimit) {
  return middleware(async ({ ctx, next }) => {
    const key = `${rule.action}:ip:${clientAddressKey(ctx.ip)}`;
    const verdict = await hit(
      ctx.deps.database.db,
      { key, limit: rule.limit, windowMs: rule.windowMs },
      ctx.deps.clock(),
    );
    if (!verdict.allowed) {
      ctx.setHeader('Retry-After', String(verdict.retryAfterS));
      throw toTRPCError({
        code: 'RATE_LIMITED',
        message: `Trop de tentatives. Veuillez réessayer dans ${verdict.retryAfterS} secondes.`,
        details: { retryAfterS: verdict.retryAfterS },
      });
    }
    return next();
  });
}
