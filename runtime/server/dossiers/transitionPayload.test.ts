import { describe, expect, it } from 'vitest';
import { parisYear } from './transitionPayload.ts';

describe('parisYear', () => {
  it('turns at midnight in Paris, not in UTC, whatever it was asked before', () => {
    // In this order on purpose: the year is remembered per UTC hour.
    expect(parisYear(new Date('2025-12-31T22:59:59.999Z'))).toBe(2025);
    expect(parisYear(new Date('2025-12-31T23:00:00.000Z'))).toBe(2026);
    expect(parisYear(new Date('2025-12-31T23:30:00.000Z'))).toBe(2026);
    expect(parisYear(new Date('2025-12-31T22:30:00.000Z'))).toBe(2025);
    // Summer time: Paris is UTC+2, and the cache must not carry 2025 over.
    expect(parisYear(new Date('2026-07-01T12:00:00.000Z'))).toBe(2026);
  });
});
