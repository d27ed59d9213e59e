import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { createFormAjv } from './createFormAjv.ts';
import { re2Engine, re2Pattern } from './re2Engine.ts';

// Client and server must agree on every answer: the browser runs these patterns on its
// own engine, the server on RE2.
const SAME_ANSWERS: readonly [string, readonly string[]][] = [
  ['^[0-9]{5}$', ['75001', '7500', '750011', '75a01']],
  ['^0[1-9]( ?\\d\\d){4}$', ['0612345678', '06 12 34 56 78', '06 12 34 56 7']],
  ["^[\\p{L}' -]+$", ["Élodie d'Arc", 'Zoë', 'x1', '李']],
  ['^\\S+$', ['abc', 'a b', 'a\u00a0b', 'a\u2003b']],
  ['^a\\sb$', ['a b', 'a\u00a0b', 'a\u3000b', 'a\tb', 'ab']],
  ['^[\\s\\d]+$', ['1 2', '1\u00a02', '1x']],
  ['^a.b$', ['axb', 'a\nb', 'a\rb', 'a\u2028b', 'a😀b']],
  ['^[.]$', ['.', 'x']],
  ['^[\\b]$', ['\b', 'b']],
  ['^\\u{1F600}+$', ['😀😀', 'x']],
  ['^(?<jour>\\d\\d)/\\d\\d$', ['01/02', '1/02']],
  ['^\\/\\d$', ['/1', '1']],
  ['^\\cJ$', ['\n', 'J']],
  ['^[^]$', ['x', '\n']],
  ['\\bmot\\b', ['un mot ici', 'motif']],
  ['é', ['café', 'cafe']],
];

describe('re2Pattern', () => {
  it.each(SAME_ANSWERS)('answers as the browser does for %s', (pattern, answers) => {
    const browser = new RegExp(pattern, 'u');
    for (const answer of answers) {
      expect([answer, re2Pattern(pattern).test(answer)]).toEqual([answer, browser.test(answer)]);
    }
  });

  it.each([
    ['a backreference', '^(\\w)\\1$'],
    ['a named backreference', '^(?<c>\\w)\\k<c>$'],
    ['a lookahead', '^(?=.*\\d).+$'],
    ['a lookbehind', '(?<=€)\\d+'],
    ['\\S in a class', '^[\\S]$'],
  ])('refuses %s rather than read it differently: %s', (_, pattern) => {
    expect(() => re2Pattern(pattern)).toThrow();
  });
});

describe('the form ajv', () => {
  it('validates patterns with RE2: a backreference does not compile', () => {
    expect(() => createFormAjv().compile({ type: 'string', pattern: '^(\\w)\\1$' })).toThrow();
  });

  // Issue 13, item 2: this answer blocked the process for seconds under V8's engine.
  it('answers a hostile 40-character answer to ^(a|a)*$ with a plain refusal', () => {
    const validate = createFormAjv().compile({ type: 'string', pattern: '^(a|a)*$' });
    expect(validate(`${'a'.repeat(40)}!`)).toBe(false);
    expect(validate('a'.repeat(40))).toBe(true);
  });

  it('keeps RE2 in standalone validators, with the same rewriting', () => {
    const ajv = createFormAjv();
    ajv.opts.code.source = true;
    const validate = ajv.compile({ type: 'string', pattern: '^\\S+$' });
    const source = standaloneCode(ajv, validate);
    expect(source).toContain('require("re2js")');
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', source)(module, module.exports, (name: string) =>
      name === 're2js' ? require('re2js') : require(name),
    );
    const standalone = module.exports['default'] as (data: unknown) => boolean;
    expect(standalone('a\u00a0b')).toBe(false);
    expect(standalone('ab')).toBe(true);
    expect(re2Engine.code).toContain('RE2JS');
  });
});
