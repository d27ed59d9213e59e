import { describe, expect, it } from 'vitest';
import { contrastWithWhite, readableUnderWhiteText, relativeLuminance } from './index.ts';

describe('contrast with white text (WCAG 2.1)', () => {
  it('matches the reference values', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastWithWhite('#000000')).toBe(21);
    expect(contrastWithWhite('#ffffff')).toBe(1);
    // #767676 is the lightest grey that passes AA on white (4.54:1).
    expect(contrastWithWhite('#767676')).toBe(4.54);
    expect(contrastWithWhite('#777777')).toBe(4.47);
  });

  it('accepts AA colours and refuses the others, and anything not #rrggbb', () => {
    expect(readableUnderWhiteText('#767676')).toBe(true);
    expect(readableUnderWhiteText('#1A4D8F')).toBe(true);
    expect(readableUnderWhiteText('#777777')).toBe(false);
    expect(readableUnderWhiteText('#ffcc00')).toBe(false);
    expect(readableUnderWhiteText('red')).toBe(false);
    expect(readableUnderWhiteText('#fff')).toBe(false);
  });
});
