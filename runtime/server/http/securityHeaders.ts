import type { ServerResponse } from 'node:http';

/** Joined once: every response, API calls included, carries it. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every response carries (SECURITY.md item 12): a CSP with neither
 * `unsafe-inline` nor `unsafe-eval`, no framing, no sniffing, no referrer leaks to
 * other sites. Pages hold personal data, so nothing is cached by default.
 *
 * @example
 * setSecurityHeaders(res, { tls: false });
 */
export function setSecurityHeaders(res: ServerResponse, options: { tls: boolean }): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
  if (options.tls)
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
