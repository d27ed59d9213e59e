import { describe, expect, it } from 'vitest';
import { checkColour, colourMessage } from './themeChecks.ts';

describe('checkColour (docs/SECURITY.md §83)', () => {
  it('accepts a dark colour and says its ratio', () => {
    const check = checkColour('#1a4d8f');
    expect(check.kind).toBe('ok');
    expect(colourMessage(check)).toContain('conforme');
  });
  it('refuses a light colour with its ratio, in French', () => {
    const check = checkColour('#ffcc00');
    expect(check).toEqual({ kind: 'low', ratio: 1.51 });
    expect(colourMessage(check)).toBe(
      'Contraste avec le texte blanc : 1,51:1 — insuffisant (4,5:1 au moins) : choisissez une couleur plus foncée.',
    );
  });
  it('refuses what is not #rrggbb, and leaves an empty colour to the default', () => {
    expect(checkColour('bleu').kind).toBe('malformed');
    expect(checkColour('#12345').kind).toBe('malformed');
    expect(checkColour('').kind).toBe('empty');
  });
  it('never accepts a colour just under 4.5 by rounding', () => {
    // #767676 is 4.54:1, #777777 is 4.47:1.
    expect(checkColour('#767676').kind).toBe('ok');
    expect(checkColour('#777777').kind).toBe('low');
  });
});
