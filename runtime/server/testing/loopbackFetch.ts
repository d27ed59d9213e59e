import { request } from 'node:http';

/**
 * A `fetch` over node:http that can leave from a chosen loopback address (127.0.0.2…),
 * so tests can play several client IPs against the rate limiter without touching any
 * other network. Redirects are not followed: tests look at them.
 *
 * @example
 * const res = await loopbackFetch('http://127.0.0.1:4000/healthz', {}, '127.0.0.2');
 */
export function loopbackFetch(
  input: string | URL | Request,
  init: RequestInit = {},
  localAddress = '127.0.0.1',
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const headers = new Headers(init.headers);
  const body = typeof init.body === 'string' || init.body instanceof Uint8Array ? init.body : null;
  if (init.body != null && body === null)
    throw new Error('loopbackFetch: string or bytes bodies only');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        headers: Object.fromEntries(headers.entries()),
        localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const item of Array.isArray(value) ? value : [value ?? '']) {
              responseHeaders.append(name, item);
            }
          }
          const status = res.statusCode ?? 500;
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, headers: responseHeaders }));
        });
      },
    );
    req.on('error', reject);
    if (body !== null) req.write(body);
    req.end();
  });
}
