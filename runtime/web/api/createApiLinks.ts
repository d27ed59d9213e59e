import { httpBatchLink, type TRPCLink } from '@trpc/client';
import type { AppRouter } from '../../server/router.ts';

/** Where the server mounts tRPC (runtime/server/http/createHttpServer.ts). */
export const TRPC_PATH = '/trpc';

export interface ApiLinkOptions {
  /** Origin of the server; empty in the browser, where the API is on the page's origin. */
  baseUrl?: string;
  /** Another fetch (tests reaching the server from Node); defaults to the global one. */
  fetch?: typeof fetch;
}

/**
 * The links every client of the API uses, React or vanilla: calls made in the same tick
 * go out as one batched request to `/trpc`, with the session cookie sent only to our own
 * origin (`credentials: 'same-origin'`).
 *
 * @example
 * const client = createTRPCClient<AppRouter>({ links: createApiLinks() });
 */
export function createApiLinks(options: ApiLinkOptions = {}): TRPCLink<AppRouter>[] {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  return [
    httpBatchLink<AppRouter>({
      url: `${options.baseUrl ?? ''}${TRPC_PATH}`,
      fetch: (url, init) => send(url, { ...(init as RequestInit), credentials: 'same-origin' }),
    }),
  ];
}
