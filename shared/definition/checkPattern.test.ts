import { describe, expect, it } from 'vitest';
import { checkPattern } from './checkPattern.ts';

// Issue 13, item 2: these patterns passed the old syntactic check (safe-regex2), then a
// 31-character answer blocked the server for seconds. The server now runs RE2; the
// browser still backtracks, so publishing refuses them.
describe('checkPattern', () => {
  it.each(['^(a|a)*$', '^(a|aa)*$', '^(\\w|\\d)+$', '(a+)+$', '^(?<mot>\\w+\\s?)*$'])(
    'refuses overlapping repetitions the browser would backtrack on: %s',
    (pattern) => {
      expect(checkPattern(pattern, 'FORM_SCHEMA_INVALID')).toEqual({
        code: 'UNSAFE_REGEX',
        issue: expect.stringContaining(`« ${pattern} » peut bloquer le navigateur du demandeur`),
      });
    },
  );

  // recheck needs up to ~2 s on a busy machine for this one: refused either as
  // polynomial or as too complex to vouch for, never accepted.
  it('refuses a polynomial nesting: ^(\\d+ ?){5}$', () => {
    expect(checkPattern('^(\\d+ ?){5}$', 'FORM_SCHEMA_INVALID')).toEqual({
      code: 'UNSAFE_REGEX',
      issue: expect.stringMatching(
        /^l’expression régulière « \^\(\\d\+ \?\)\{5\}\$ » (peut bloquer|est trop complexe)/,
      ),
    });
  });

  // Reported with the others, but its alternatives cannot both match at one place
  // (`ab` needs a `b`): recheck proves it linear, and V8 takes 3 ms on 40,000 characters.
  it('accepts ^(ab|a)*c$, whose alternatives never overlap', () => {
    expect(checkPattern('^(ab|a)*c$', 'FORM_SCHEMA_INVALID')).toBeNull();
  });

  it.each([
    ['a backreference', '^(\\w)\\1$'],
    ['a named backreference', '^(?<c>\\w)\\k<c>$'],
    ['a lookahead', '^(?=.*\\d).{8,}$'],
    ['a negative lookahead', '^(?!0000)\\d{4}$'],
    ['a lookbehind', '(?<=€)\\d+'],
    ['a repeat count RE2 does not allow', '^a{1001}$'],
  ])('refuses %s, which the server’s RE2 cannot enforce: %s', (_, pattern) => {
    expect(checkPattern(pattern, 'FORM_SCHEMA_INVALID')).toEqual({
      code: 'UNSUPPORTED_REGEX',
      issue: expect.stringContaining('que le serveur ne sait pas vérifier'),
    });
  });

  it('reports an invalid regex with the schema’s own code', () => {
    expect(checkPattern('^[a-', 'GUARD_SCHEMA_INVALID')).toEqual({
      code: 'GUARD_SCHEMA_INVALID',
      issue: 'l’expression régulière « ^[a- » n’est pas valide.',
    });
  });

  it.each([
    ['a postcode', '^[0-9]{5}$'],
    ['a French phone number', '^0[1-9]( ?\\d\\d){4}$'],
    ['a phone number in pairs', '^(\\d{2} ?){5}$'],
    ['a French IBAN', '^FR\\d{2}[ ]?(\\d{4}[ ]?){5}\\d{3}$'],
    ['letters of any language', "^[\\p{L}' -]+$"],
    ['a braced Unicode escape', '^\\u{1F600}+$'],
    ['a quantifier-like brace in a class', '^[{}0-9]+$'],
    ['a SIRET', '^\\d{14}$'],
    ['a lazy quantifier', '^<.+?>$'],
    ['dotted names', '^([a-z]+\\.)*[a-z]+@example\\.fr$'],
  ])('accepts %s: %s', (_, pattern) => {
    expect(checkPattern(pattern, 'FORM_SCHEMA_INVALID')).toBeNull();
  });
});
