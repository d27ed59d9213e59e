import type { IncomingMessage } from 'node:http';
import type { DomainError } from './domainError.ts';

/** Where the server says it lives, to recognise requests sent by its own pages. */
export interface OwnOrigin {
  /** `GUICHET_PUBLIC_ORIGIN`, e.g. `https://guichet.example.fr`; null: the Host header's. */
  publicOrigin: string | null;
  /** Served over TLS (through a proxy): the origin's scheme is https. */
  tls: boolean;
}

/** Methods that change nothing: tRPC queries and file downloads. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CROSS_SITE: DomainError = {
  code: 'CROSS_SITE_REQUEST',
  message: 'Requête refusée : elle ne provient pas de ce site.',
};

/**
 * Refuses a state-changing request sent by another site (CSRF), e.g. a hidden form that
 * posts to `auth.logout` with the victim's cookie; SameSite=Lax is the first defence,
 * this is the second, for browsers or subdomains where it does not hold.
 *
 * The decision, for any method but GET/HEAD/OPTIONS:
 * - `Origin` present: it must be the server's own origin (`null`, sent by sandboxed
 *   frames and some redirects, is foreign);
 * - else `Sec-Fetch-Site` present: it must be `same-origin` or `none` (typed by the user);
 * - else `Referer` present: its origin must be the server's own;
 * - else none of the three: allowed. Every browser in use sends `Origin` on a cross-site
 *   POST (and `Sec-Fetch-Site` on every request), so a request with neither comes from
 *   a program — an API client, a script, curl — which holds the cookie itself and could
 *   send any header anyway: refusing it would stop integrations, not attackers.
 *
 * The own origin is `GUICHET_PUBLIC_ORIGIN` when set (behind a proxy that rewrites
 * Host), else the scheme and Host header of the request itself: a victim's browser
 * sends our host in Host whatever page made the request, so an attacker cannot make
 * Origin and Host agree.
 *
 * @example
 * const refused = crossSiteRefusal(req, { publicOrigin: null, tls: false });
 * if (refused) replyError(res, refused); // 403
 */
export function crossSiteRefusal(req: IncomingMessage, own: OwnOrigin): DomainError | null {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return null;
  const expected = own.publicOrigin ?? `${own.tls ? 'https' : 'http'}://${req.headers.host ?? ''}`;
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === expected ? null : CROSS_SITE;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? null : CROSS_SITE;
  const referer = req.headers.referer;
  if (referer !== undefined) return originOf(referer) === expected ? null : CROSS_SITE;
  return null;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a tRPC mutation whose body is not declared JSON. tRPC also takes form data
 * and raw bytes, which is what lets a cross-site HTML form (multipart, urlencoded,
 * text/plain: no CORS preflight) reach a mutation; JSON needs a preflight we never
 * grant. Answered 415.
 *
 * @example
 * const refused = nonJsonRefusal(req);
 */
export function nonJsonRefusal(req: IncomingMessage): DomainError | null {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return null;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return null;
  return {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Envoyez les données en JSON (Content-Type: application/json).',
  };
}
