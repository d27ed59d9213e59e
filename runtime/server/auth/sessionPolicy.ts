import { type CookieOptions, serializeCookie } from '../core/cookies.ts';

/** The session cookie. `__Host-`: Secure, Path=/ and no Domain, so no subdomain can set it. */
export const SESSION_COOKIE = '__Host-guichet_session';

export type AccountKind = 'citizen' | 'staff';

export interface SessionPolicy {
  /** Ends the session after this long without a request. */
  idleTimeoutS: number;
  /** Ends the session this long after login, however active. */
  absoluteS: number;
  /** Staff cookies are never sent on cross-site navigation (docs/SECURITY.md §4). */
  sameSite: CookieOptions['sameSite'];
}

/**
 * Lifetimes per account kind (docs/SECURITY.md §5). Staff: 30 min idle, 12 h in all — a
 * working day, then a fresh login. Citizens: 2 h idle (long forms, documents to find)
 * and 24 h in all; `Lax` so a link from a mail to their dossier opens signed in.
 */
export const SESSION_POLICIES: Record<AccountKind, SessionPolicy> = {
  staff: { idleTimeoutS: 30 * 60, absoluteS: 12 * 3600, sameSite: 'Strict' },
  citizen: { idleTimeoutS: 2 * 3600, absoluteS: 24 * 3600, sameSite: 'Lax' },
};

/**
 * `last_seen_at` is written at most once per this many seconds, so a busy session does
 * not cost a write per request; the idle timeout is therefore exact to within a minute.
 */
export const TOUCH_INTERVAL_S = 60;

/**
 * The `Set-Cookie` value for a new session. Max-Age is the absolute lifetime: the
 * browser drops the cookie when the server would refuse it anyway.
 *
 * @example
 * ctx.setCookie(sessionCookie(token, 'citizen'));
 * // __Host-guichet_session=…; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=86400
 */
export function sessionCookie(token: string, kind: AccountKind): string {
  const policy = SESSION_POLICIES[kind];
  return serializeCookie(SESSION_COOKIE, token, {
    sameSite: policy.sameSite,
    maxAgeSeconds: policy.absoluteS,
  });
}

/** The `Set-Cookie` value that deletes the session cookie (logout). */
export function clearedSessionCookie(): string {
  return serializeCookie(SESSION_COOKIE, '', { sameSite: 'Lax', maxAgeSeconds: 0 });
}
