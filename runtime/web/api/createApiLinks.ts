import { httpBatchLink, httpLink, splitLink, type TRPCLink } from '@trpc/client';
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
 * origin (`credentials: 'same-origin'`). A call made with `context: { alone: true }` goes
 * in a request of its own instead: a batch answers when its slowest call is done, and
 * what a screen shows first (the queue's rows) must not wait for what it shows beside
 * (counts, saved views).
 *
 * @example
 * const client = createTRPCClient<AppRouter>({ links: createApiLinks() });
 * await client.queues.list.query(input, { context: { alone: true } });
 */
export function createApiLinks(options: ApiLinkOptions = {}): TRPCLink<AppRouter>[] {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${options.baseUrl ?? ''}${TRPC_PATH}`;
  return [
    splitLink<AppRouter>({
      condition: (operation) => operation.context.alone === true,
      true: httpLink<AppRouter>({
        url,
        fetch: (url, init) => send(url, { ...(init as RequestInit), credentials: 'same-origin' }),
      }),
      false: httpBatchLink<AppRouter>({
        url,
        fetch: (url, init) => send(url, { ...(init as RequestInit), credentials: 'same-origin' }),
      }),
    }),
  ];
}
