import { describe, expect, it } from 'vitest';
import { parisDate, parseDate } from './dates.ts';

describe('parisDate', () => {
  it('is the calendar day in Paris, not in UTC', () => {
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDate(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(parisDate(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });
});

describe('parseDate', () => {
  it('reads ISO dates and date-times, refuses days that do not exist', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2026-09-01T10:00:00Z')).toEqual({ year: 2026, month: 9, day: 1 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('01/09/2026')).toBeNull();
    expect(parseDate(20260901)).toBeNull();
  });
});
