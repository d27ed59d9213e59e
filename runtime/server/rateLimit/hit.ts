import { and, eq, lt, or, sql } from 'drizzle-orm';
import { type AppDatabase, rateLimits } from '../../db/index.ts';

/** What is limited: `limit` hits per fixed window of `windowMs` for one `key`. */
export interface RateLimitRule {
  /** e.g. `login:ip:203.0.113.7`; build it with the caller's own prefix. */
  key: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the window ends (at least 1): the `Retry-After` value. */
  retryAfterS: number;
}

/** Windows older than this are purged by whoever opens a new window. */
const RETENTION_MS = 24 * 3600_000;

/**
 * Counts one hit in a fixed window stored in PostgreSQL (one upsert), so every process
 * shares the counters. Runs outside the caller's transaction on purpose: a refused
 * login rolls back, its hit must not. The first hit of a window also purges that
 * key's older windows and anyone's windows older than a day, so the table stays small
 * without a job.
 *
 * @example
 * const verdict = await hit(db, { key: `login:ip:${ip}`, limit: 10, windowMs: 15_000 }, now);
 * if (!verdict.allowed) ctx.setHeader('Retry-After', String(verdict.retryAfterS));
 */
export async function hit(
  db: AppDatabase,
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitVerdict> {
  if (rule.windowMs <= 0 || rule.windowMs > RETENTION_MS) {
    throw new Error(`guichet: rate-limit windows must last (0, 24 h], got ${rule.windowMs} ms`);
  }
  const startMs = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const windowStart = new Date(startMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row!.count;
  if (count === 1) {
    await db
      .delete(rateLimits)
      .where(
        or(
          and(eq(rateLimits.key, rule.key), lt(rateLimits.windowStart, windowStart)),
          lt(rateLimits.windowStart, new Date(now.getTime() - RETENTION_MS)),
        ),
      );
  }
  return {
    allowed: count <= rule.limit,
    count,
    retryAfterS: Math.max(1, Math.ceil((startMs + rule.windowMs - now.getTime()) / 1000)),
  };
}
