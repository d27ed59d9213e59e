/** The token of an invitation link: 32 random bytes, base64url (the server's format). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token in an invitation link's fragment (`#jeton=…`), or null when there is none
 * or it cannot be one. The token travels in the fragment so that it is never sent to
 * the server with the page request, nor in a Referer; the page then wipes it from the
 * address (docs/SECURITY.md §77).
 *
 * @example
 * invitationToken('#jeton=0123456789abcdefghijABCDEFGHIJ_-0123456789'); // '0123…'
 */
export function invitationToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('jeton');
  return token !== null && TOKEN.test(token) ? token : null;
}
