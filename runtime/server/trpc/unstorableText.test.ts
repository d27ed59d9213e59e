import { describe, expect, it } from 'vitest';
import { unstorableText } from './unstorableText.ts';

describe('unstorableText', () => {
  it('accepts text PostgreSQL stores: accents, emoji (paired surrogates), bidi overrides', () => {
    expect(unstorableText({ nom: 'Éloïse 👩‍⚕️', note: '\u202Eexe.pdf', n: 3, ok: null })).toBeNull();
  });

  it('names the field of a NUL or a lone surrogate, at any depth, in French', () => {
    const refused = unstorableText({ data: { adresse: { rue: 'rue\u0000' } } });
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { 'data.adresse.rue': [expect.stringMatching(/caractère nul/)] },
    });
    expect(refused?.message).toMatch(/Le champ « data\.adresse\.rue »/);
    for (const lone of ['\uD800', 'a\uDFFF', '\uDBFFz']) {
      expect(unstorableText({ liste: ['ok', lone] })?.fieldErrors).toEqual({
        'liste.1': [expect.stringMatching(/incomplet/)],
      });
    }
  });

  it('checks object keys too, reported under their object (the key itself cannot be shown)', () => {
    expect(unstorableText({ data: { 'cl\u0000é': 1 } })?.fieldErrors).toHaveProperty(['data']);
  });

  it('walks a deeply nested input without overflowing the stack', () => {
    let deep: unknown = 'fin\uD800';
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const refused = unstorableText(deep);
    expect(refused?.code).toBe('INVALID_INPUT');
    expect(refused!.message.length).toBeLessThan(400);
  });
});
