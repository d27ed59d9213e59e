import { describe, expect, it } from 'vitest';
import { compileDuration } from './compileDuration.ts';

const shifted = (iso: string, from: string) =>
  compileDuration(iso).addTo(new Date(from)).toISOString();

describe('compileDuration', () => {
  it('adds months by the calendar, clamping to the end of the month', () => {
    expect(shifted('P1M', '2026-01-31T10:00:00.000Z')).toBe('2026-02-28T10:00:00.000Z');
    expect(shifted('P1M', '2028-01-31T10:00:00.000Z')).toBe('2028-02-29T10:00:00.000Z');
  });

  it('adds hours as elapsed time', () => {
    expect(shifted('PT48H', '2026-02-27T22:30:00.000Z')).toBe('2026-03-01T22:30:00.000Z');
    expect(shifted('PT1H30M', '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T01:30:00.000Z');
  });

  it('combines calendar and clock parts, and honours a negative duration', () => {
    expect(shifted('P1Y2M3DT4H', '2026-01-01T00:00:00.000Z')).toBe('2027-03-04T04:00:00.000Z');
    expect(shifted('-P1D', '2026-03-01T00:00:00.000Z')).toBe('2026-02-28T00:00:00.000Z');
  });

  it('throws on a malformed duration', () => {
    expect(() => compileDuration('15 jours')).toThrow(/Invalid ISO 8601 duration/);
  });
});
