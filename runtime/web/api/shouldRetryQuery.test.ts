import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { shouldRetryQuery } from './shouldRetryQuery.ts';

function refusal(domainCode: string, httpStatus: number) {
  return TRPCClientError.from({
    error: { code: -32600, message: 'Refusé.', data: { domainCode, httpStatus } },
  });
}

describe('shouldRetryQuery', () => {
  it('does not ask again after a domain refusal', () => {
    expect(shouldRetryQuery(0, refusal('NOT_FOUND', 404))).toBe(false);
    expect(shouldRetryQuery(0, refusal('INVALID_INPUT', 400))).toBe(false);
  });

  it('retries a database briefly away (503) and a network failure, twice at most', () => {
    expect(shouldRetryQuery(0, refusal('DATABASE_UNAVAILABLE', 503))).toBe(true);
    const network = TRPCClientError.from(new TypeError('fetch failed'));
    expect(shouldRetryQuery(1, network)).toBe(true);
    expect(shouldRetryQuery(2, network)).toBe(false);
  });
});
