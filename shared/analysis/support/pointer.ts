/**
 * Builds an RFC 6901 JSON pointer from raw tokens, escaping `~` and `/` (json-logic's
 * division operator is a real key, `/`, so escaping is not theoretical).
 *
 * @example
 * pointer('computed', 0, 'expression', '/'); // '/computed/0/expression/~1'
 * pointer(); // '' (the whole document)
 */
export function pointer(...tokens: ReadonlyArray<string | number>): string {
  let out = '';
  for (const token of tokens) out += `/${typeof token === 'number' ? token : escapeToken(token)}`;
  return out;
}

/**
 * Appends tokens to an existing pointer.
 *
 * @example
 * childPointer('/workflow/transitions/2/guard', 'properties', 'revenu');
 * // '/workflow/transitions/2/guard/properties/revenu'
 */
export function childPointer(base: string, ...tokens: ReadonlyArray<string | number>): string {
  return base + pointer(...tokens);
}

// Pointers are built for every place a schema walk visits, so the common case (nothing
// to escape) must not pay for two replacements.
const NEEDS_ESCAPE = /[~/]/;

function escapeToken(token: string): string {
  return NEEDS_ESCAPE.test(token) ? token.replaceAll('~', '~0').replaceAll('/', '~1') : token;
}
