import { createHash, randomBytes } from 'node:crypto';
import { serializeCookie } from '../core/cookies.ts';

/**
 * The cookie that holds a visitor's one dossier without an account. `__Host-`: Secure,
 * Path=/, no Domain; HttpOnly so no script reads it; `Strict`: only this site's own
 * pages send it (the tracking link opens `/suivi`, which asks for the code anyway).
 */
export const ANONYMOUS_PASS_COOKIE = '__Host-guichet_sans_compte';

/** A draft may wait this long between two visits (the pass is renewed on each start). */
export const DRAFT_PASS_S = 30 * 24 * 3600;
/** After a tracking code was typed, the dossier stays open this long on that browser. */
export const FOLLOW_PASS_S = 2 * 3600;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * A fresh pass: the cookie's value (never stored) and its hash (stored). Drawn by the
 * server, never taken from the client, so a planted cookie cannot become a pass.
 *
 * @example
 * const { token, hash } = newPass();
 */
export function newPass(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

/** The stored hash of a cookie value, or null when it cannot be one of our tokens. */
export function passHashOf(token: string | undefined): string | null {
  if (token === undefined || !TOKEN_FORMAT.test(token)) return null;
  return sha256Hex(token);
}

/** The `Set-Cookie` value of a pass living `maxAgeSeconds`. */
export function passCookie(token: string, maxAgeSeconds: number): string {
  return serializeCookie(ANONYMOUS_PASS_COOKIE, token, { sameSite: 'Strict', maxAgeSeconds });
}

/** The `Set-Cookie` value that deletes the pass. */
export function clearedPassCookie(): string {
  return serializeCookie(ANONYMOUS_PASS_COOKIE, '', { sameSite: 'Strict', maxAgeSeconds: 0 });
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
