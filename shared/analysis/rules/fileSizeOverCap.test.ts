import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { withFileFields } from '../testing/withFileFields.ts';
import { fileSizeOverCap } from './fileSizeOverCap.ts';

describe('file-size-over-cap', () => {
  it('accepts a size under the server cap', () => {
    expect(
      lintRule(fileSizeOverCap, withFileFields({ accept: ['image/*'], maxBytes: 2_000_000 })),
    ).toEqual([]);
  });

  it('refuses a size over the server cap', () => {
    const found = lintRule(fileSizeOverCap, withFileFields({ maxBytes: 50_000_000 }, {}));
    expect(found).toMatchObject([
      { severity: 'error', pointer: '/form/schema/properties/piece/x-file/maxBytes' },
    ]);
    expect(found[0]?.message).toContain('10 Mo');
  });
});
