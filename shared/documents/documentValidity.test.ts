import { describe, expect, it } from 'vitest';
import { isExpired, validUntilFor } from './documentValidity.ts';

describe('validUntilFor', () => {
  it('counts a proof of address 3 months and a tax notice a year from their own date', () => {
    expect(validUntilFor('domicile', '2026-01-15')).toBe('2026-04-15');
    expect(validUntilFor('domicile', '2025-11-30')).toBe('2026-02-28');
    expect(validUntilFor('impots', '2025-09-01')).toBe('2026-09-01');
  });

  it('takes the end date printed on an identity card, or any date for another document', () => {
    expect(validUntilFor('identite', '2031-06-30')).toBe('2031-06-30');
    expect(validUntilFor('autre', '2027-01-01')).toBe('2027-01-01');
  });

  it('gives nothing for an empty or impossible date', () => {
    expect(validUntilFor('identite', '')).toBeNull();
    expect(validUntilFor('domicile', '2026-02-30')).toBeNull();
    expect(validUntilFor('autre', '30/06/2031')).toBeNull();
  });
});

describe('isExpired', () => {
  it('keeps a document valid through its last day, and one without an end date for good', () => {
    expect(isExpired('2026-03-02', '2026-03-02')).toBe(false);
    expect(isExpired('2026-03-01', '2026-03-02')).toBe(true);
    expect(isExpired(null, '2099-01-01')).toBe(false);
  });
});
