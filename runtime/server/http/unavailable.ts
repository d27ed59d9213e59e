import type { ServerResponse } from 'node:http';
import { DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS } from '../trpc/index.ts';

/**
 * Answers 503 with `Retry-After` and the French message of DATABASE_UNAVAILABLE, for the
 * endpoints outside tRPC (files, readiness).
 *
 * @example
 * if (databaseUnavailableCause(error)) answerUnavailable(res);
 */
export function answerUnavailable(res: ServerResponse): void {
  res.statusCode = 503;
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(
    JSON.stringify({
      error: { code: DATABASE_UNAVAILABLE.code, message: DATABASE_UNAVAILABLE.message },
    }),
  );
}
