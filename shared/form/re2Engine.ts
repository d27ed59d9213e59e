import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';
import { toRe2Syntax } from './toRe2Syntax.ts';

/**
 * Compiles a JSON Schema `pattern` (ECMAScript syntax, `u` flag) with RE2: matching time
 * is linear in the answer's length whatever the pattern, so no answer can stall the
 * server (docs/SECURITY.md §13). `toRe2Syntax` keeps the ECMAScript meaning where RE2's
 * differs. Throws, like `new RegExp`, on what RE2 cannot run: backreferences,
 * lookarounds, repeat counts above 1,000.
 *
 * @example
 * re2Pattern('^(a|a)*$').test('a'.repeat(40) + 'b'); // false, in microseconds
 */
export function re2Pattern(pattern: string): RegExpLike {
  return RE2JS.compile(RE2JS.translateRegExp(toRe2Syntax(pattern)));
}

/**
 * The same as an ajv `code.regExp` engine. `code` is what ajv's standalone code
 * generation writes in place of the function, so a precompiled validator runs RE2 too,
 * with the same rewriting (the function's own source, so the two cannot drift).
 * ajv always asks for the `u` flag, which RE2 has by default, hence the ignored flags.
 */
const STANDALONE_CODE = `((pattern) => { const { RE2JS } = require("re2js"); return RE2JS.compile(RE2JS.translateRegExp((${toRe2Syntax.toString()})(pattern))); })`;

export const re2Engine: RegExpEngine = Object.assign(
  (pattern: string, _flags: string): RegExpLike => re2Pattern(pattern),
  { code: STANDALONE_CODE },
);
