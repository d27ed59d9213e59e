/**
 * Rewrites the few constructs of a `u`-flag ECMAScript pattern that re2js's own
 * `translateRegExp` would let RE2 read differently, so the server accepts exactly the
 * answers the browser accepts: `\s`, `\S` and `.` get their ECMAScript meaning, `[\b]` is
 * a backspace. Throws on `\k<name>` (a named backreference, which `translateRegExp` would
 * turn into the letters `k<name>`) and on `\S` inside a class, which RE2 cannot express.
 *
 * @example
 * toRe2Syntax('^\\S+$'); // '^[^\\t\\n…\\ufeff]+$'
 */
export function toRe2Syntax(pattern: string): string {
  // Kept inside: ajv's standalone code embeds this function's source (`re2Engine`).
  /** What ECMAScript's `\s` matches (WhiteSpace and LineTerminator); RE2's `\s` is ASCII only. */
  const WHITE_SPACE =
    '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
  /** ECMAScript's `.` stops at every line terminator; RE2's only at `\n`. */
  const ANY_BUT_LINE_END = '[^\\n\\r\\u2028\\u2029]';
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === '\\') {
      const kind = pattern[i + 1] ?? '';
      if (kind === 'k') throw new SyntaxError('RE2 has no backreferences');
      if (kind === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (kind === 'S' && inClass) throw new SyntaxError('RE2 cannot subtract \\s in a class');
      else if (kind === 'S') out += `[^${WHITE_SPACE}]`;
      else if (kind === 'b' && inClass) out += '\\x08';
      else if ('upP'.includes(kind) && pattern[i + 2] === '{') {
        const end = pattern.indexOf('}', i);
        const stop = end === -1 ? pattern.length : end + 1;
        out += pattern.slice(i, stop);
        i = stop;
        continue;
      } else out += `\\${kind}`;
      i += 2;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char === '.' && !inClass ? ANY_BUT_LINE_END : char;
    i++;
  }
  return out;
}
