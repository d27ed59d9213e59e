import type { ServerResponse } from 'node:http';

/** Every directive but the styles', shared by the strict policy and the studio's. */
const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  // The agent app previews a PDF from a blob it typed itself (docs/SECURITY.md §71).
  "frame-src 'self' blob:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Joined once: every response, API calls included, carries it. */
const CONTENT_SECURITY_POLICY = [...COMMON_DIRECTIVES, "style-src 'self'"].join('; ');

/**
 * The policy of the studio's page alone (docs/SECURITY.md §90): its JSON editor (monaco)
 * writes `<style>` elements, allowed only with this response's `nonce`, and positions
 * its lines with `style` attributes, which no nonce or hash can allow. Scripts stay as
 * strict as everywhere; the citizen and agent pages keep the strict policy.
 *
 * @example
 * res.setHeader('Content-Security-Policy', studioContentSecurityPolicy(nonce));
 */
export function studioContentSecurityPolicy(nonce: string): string {
  return [
    ...COMMON_DIRECTIVES,
    "style-src 'self'",
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
  ].join('; ');
}

/**
 * The policy of the studio's simulation worker alone (docs/SECURITY.md §84): the workflow
 * engine compiles the draft's schemas with ajv, which generates code (`new Function`),
 * so this one script may evaluate code — and may do nothing else: no network
 * (`connect-src` falls back to `'none'`), no import but our own scripts, no nested
 * worker. A dedicated worker has no DOM and no cookies; it only answers the page's
 * messages with data.
 */
export const SIMULATION_WORKER_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "worker-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Headers every response carries (docs/SECURITY.md §12): a CSP with neither
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
