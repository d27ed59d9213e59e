import type { Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { type Context, toTRPCError } from '../trpc/index.ts';

/**
 * `unwrap` for results that may be a rate-limit refusal: sets `Retry-After` from
 * `details.retryAfterS` before throwing, so the 429 tells the client when to come back.
 *
 * @example
 * const value = unwrapWithRetryAfter(ctx, await changePassword(db, change, request));
 */
export function unwrapWithRetryAfter<T>(
  ctx: Pick<Context, 'setHeader'>,
  result: Result<T, DomainError>,
): T {
  if (result.ok) return result.value;
  const retryAfterS = result.error.details?.retryAfterS;
  if (typeof retryAfterS === 'number') ctx.setHeader('Retry-After', String(retryAfterS));
  throw toTRPCError(result.error);
}
