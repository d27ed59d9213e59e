import { describe, expect, it } from 'vitest';
import { isSafePattern } from './isSafePattern.ts';

describe('isSafePattern', () => {
  it.each([
    ['nested unbounded repetition', '(a+)+$'],
    ['a repetition inside a star', '^([a-z]+\\.)*[a-z]+@example\\.fr$'],
    ['optional items repeated without bound', '^(\\d?\\d?)+$'],
    ['an unbounded repetition repeated a few times', '^(\\d+ ?){5}$'],
    ['a large bounded repetition nested', '^(a{1,100}){1,100}$'],
    ['too many quantifiers', '^a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?$'],
    ['nesting hidden behind a non-capturing group', '^(?:(?:x|y)+)*$'],
    ['nesting hidden behind a named group', '^(?<mot>\\w+\\s?)*$'],
  ])('refuses %s: %s', (_, pattern) => {
    expect(isSafePattern(pattern)).toBe(false);
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
  ])('accepts %s: %s', (_, pattern) => {
    expect(isSafePattern(pattern)).toBe(true);
  });
});
