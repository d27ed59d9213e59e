import { createHmac } from 'node:crypto';

/**
 * The `X-Guichet-Signature` of a webhook (docs/SECURITY.md §19): HMAC-SHA256 of
 * `${timestamp}.${body}` with the webhook secret, as `sha256=<hex>`. Signing the
 * timestamp too lets receivers refuse replays of an old delivery.
 *
 * Receivers check it with a constant-time comparison:
 * ```ts
 * const expected = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${rawBody}`).digest('hex');
 * timingSafeEqual(Buffer.from(expected), Buffer.from(header));
 * ```
 *
 * @example
 * signWebhook('secret', '1767225600', '{"id":"…"}') // 'sha256=5f0c…'
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
