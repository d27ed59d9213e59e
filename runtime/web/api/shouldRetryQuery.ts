import { domainErrorOf } from './domainErrorOf.ts';

/** Attempts after the first one for a query that may succeed if asked again. */
const MAX_RETRIES = 2;

/**
 * TanStack Query's retry rule for the apps: a domain refusal is an answer and asking
 * again changes nothing, except a 503 (the server's database is away for a moment),
 * which is retried like a network failure.
 *
 * @example
 * new QueryClient({ defaultOptions: { queries: { retry: shouldRetryQuery } } });
 */
export function shouldRetryQuery(failures: number, error: unknown): boolean {
  if (failures >= MAX_RETRIES) return false;
  return domainErrorOf(error) === null || httpStatusOf(error) === 503;
}

function httpStatusOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data = error.data;
  return typeof data === 'object' && data !== null && 'httpStatus' in data
    ? data.httpStatus
    : undefined;
}
