/**
 * Parses a `Cookie` request header. Malformed pairs are skipped rather than failing the
 * request: a browser extension's junk cookie must not lock a citizen out.
 *
 * @example
 * parseCookies('a=1; b=hello%20world') // { a: '1', b: 'hello world' }
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      // undecodable value: ignore this cookie only
    }
  }
  return cookies;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  sameSite: 'Strict' | 'Lax';
}

/**
 * Serialises a session cookie with the `__Host-` prefix: Secure, Path=/, no Domain,
 * HttpOnly (docs/SECURITY.md §4). Browsers accept Secure cookies on http://localhost.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'Secure', 'HttpOnly'];
  parts.push(`SameSite=${options.sameSite}`);
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join('; ');
}
