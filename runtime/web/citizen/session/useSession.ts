import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpcContext.ts';

/**
 * The signed-in user (`auth.me`), or null. One query for the whole app; login and logout
 * invalidate it.
 *
 * @example
 * const { data: user } = useSession();
 */
export function useSession() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
}
