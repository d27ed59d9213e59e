import { describe, expect, it } from 'vitest';
import { newTrackingCode, trackingCodeHash } from './trackingCode.ts';

describe('tracking codes', () => {
  it('are 32 characters of Crockford base32 in eight groups, never twice the same', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newTrackingCode()));
    expect(codes.size).toBe(200);
    for (const code of codes)
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('hash the same however they are typed: case, spaces, dashes, I/L/O for 1/1/0', () => {
    const code = '7KQ2-M9XD-1100-ABCD-EFGH-JKMN-PQRS-TVWX';
    const typed = ' 7kq2 m9xd ILoO abcd-efgh-jkmn-pqrs-tvwx ';
    expect(trackingCodeHash(typed)).toBe(trackingCodeHash(code));
    expect(trackingCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are not codes when too short, too long or with other characters', () => {
    expect(trackingCodeHash('7KQ2-M9XD')).toBeNull();
    expect(trackingCodeHash(`${'A'.repeat(32)}B`)).toBeNull();
    expect(trackingCodeHash(`${'A'.repeat(31)}U`)).toBeNull();
    expect(trackingCodeHash('')).toBeNull();
  });
});
