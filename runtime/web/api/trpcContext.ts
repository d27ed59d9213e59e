import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../server/router.ts';

/**
 * tRPC's TanStack Query integration for our router: `TRPCProvider` wraps an app (see
 * ApiProvider), `useTRPC()` gives typed `queryOptions`/`mutationOptions` for
 * TanStack Query's own hooks.
 *
 * @example
 * const trpc = useTRPC();
 * const demarches = useQuery(trpc.demarches.listPublished.queryOptions({ tenant }));
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
