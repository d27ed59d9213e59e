import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { createApiClient } from './createApiClient.ts';
import { shouldRetryQuery } from './shouldRetryQuery.ts';
import { TRPCProvider } from './trpcContext.ts';

/**
 * Gives an app its query cache and typed API client. One of each per mounted app
 * (created once, in state), so a re-render never drops the cache. Domain refusals are
 * not retried (see shouldRetryQuery).
 *
 * @example
 * createRoot(root).render(<ApiProvider><CitizenApp /></ApiProvider>);
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: shouldRetryQuery },
        },
      }),
  );
  const [trpcClient] = useState(() => createApiClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
