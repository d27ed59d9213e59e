import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { WebhookTarget } from '../outbound/index.ts';

export interface WebhookRequest {
  /** Checked by `checkWebhookTarget`: the connection goes to `addresses[0]`. */
  target: WebhookTarget;
  body: string;
  headers: Record<string, string>;
  timeoutMs?: number;
}

/**
 * POSTs a webhook and resolves with the HTTP status; rejects on a network error or a
 * timeout. Redirects are never followed (a 3xx is just a status), so a public URL
 * cannot bounce the call to an internal one (docs/SECURITY.md §14).
 *
 * The socket connects to the address `checkWebhookTarget` approved, not to a fresh DNS
 * answer, so a host that resolves to a public address at check time and a private one
 * a moment later (DNS rebinding) cannot slip through. The URL's host name still goes in
 * `Host` and, for https, in SNI and certificate verification.
 *
 * @example
 * const target = await checkWebhookTarget(url, { allowPrivateTargets: false });
 * if (target.ok) await postWebhook({ target: target.value, body, headers });
 */
export function postWebhook(options: WebhookRequest): Promise<number> {
  const { url, addresses } = options.target;
  const address = addresses[0];
  if (address === undefined)
    return Promise.reject(new Error('guichet: webhook target without address'));
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: address,
        port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        // SNI names a host, never an IP literal (RFC 6066).
        ...(secure && isIP(hostOf(url)) === 0 ? { servername: hostOf(url) } : {}),
        headers: {
          ...options.headers,
          host: url.host,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(options.body)),
          'user-agent': 'Guichet-Webhook/1',
        },
        // No pooled socket: each delivery connects to the address it was approved for.
        agent: false,
      },
      (res) => {
        // The answer's body does not matter; drain it so the socket closes.
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`webhook: no answer within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
