import { createTRPCClient, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../server/router.ts';
import { type ApiLinkOptions, createApiLinks } from './createApiLinks.ts';

/** The typed API client the web apps share; its types come from the server's router. */
export type ApiClient = TRPCClient<AppRouter>;

/**
 * A vanilla typed client over the shared links, for code outside React (and for the
 * integration tests, which reach a real server the same way the apps do).
 *
 * @example
 * const api = createApiClient();
 * const demarches = await api.demarches.listPublished.query({ tenant: 'demo' });
 */
export function createApiClient(options: ApiLinkOptions = {}): ApiClient {
  return createTRPCClient<AppRouter>({ links: createApiLinks(options) });
}
