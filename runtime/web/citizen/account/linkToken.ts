/**
 * The token of a mailed link (`/confirmer#jeton=…`), read from the address's fragment:
 * the fragment never reaches a server or its logs. Null when there is none.
 *
 * @example
 * linkToken('#jeton=abc'); // 'abc'
 */
export function linkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('jeton');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** Drops the token from the address bar and history once read, so it is not shared by accident. */
export function forgetLinkToken(): void {
  window.history.replaceState(window.history.state, '', window.location.pathname);
}
