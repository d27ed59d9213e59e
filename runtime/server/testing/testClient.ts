import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../router.ts';
import { loopbackFetch } from './loopbackFetch.ts';

export interface TestClient {
  /** Typed tRPC client over real HTTP, sending this client's cookies. */
  trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
  /** Raw HTTP with the same cookie jar, for status codes and headers. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** The cookie jar: name → value, as a browser would send them. */
  cookies: Map<string, string>;
  /** The last response seen, for header assertions after a tRPC call. */
  lastResponse(): Response | null;
}

/**
 * A browser-like client for one user: its own cookie jar (honouring `Max-Age=0`
 * deletions), an optional source IP on the loopback range, an optional `Host` header
 * (a tenant's own address), and a typed tRPC client.
 *
 * @example
 * const citizen = createTestClient(server.url);
 * await citizen.trpc.auth.login.mutate({ tenant, email, password });
 */
export function createTestClient(
  baseUrl: string,
  options: { ip?: string; host?: string } = {},
): TestClient {
  const cookies = new Map<string, string>();
  let last: Response | null = null;

  const send = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (options.host !== undefined) headers.set('host', options.host);
    if (cookies.size > 0) {
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await loopbackFetch(input, { ...init, headers }, options.ip);
    for (const line of response.headers.getSetCookie()) storeCookie(cookies, line);
    last = response;
    return response;
  };

  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({ url: `${baseUrl}/trpc`, fetch: (url, init) => send(url, init as RequestInit) }),
    ],
  });

  return {
    trpc,
    fetch: (path, init) => send(new URL(path, baseUrl).toString(), init),
    cookies,
    lastResponse: () => last,
  };
}

function storeCookie(jar: Map<string, string>, line: string): void {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
  if (expired || value === '') jar.delete(name);
  else jar.set(name, value);
}
