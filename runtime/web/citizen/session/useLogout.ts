import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import { paths } from '../paths.ts';

/**
 * Logs out (`auth.logout`), forgets every cached answer (they were the user's), records
 * that nobody is signed in, and goes back to the catalogue.
 */
export function useLogout(): () => Promise<void> {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return async () => {
    await client.auth.logout.mutate();
    queryClient.clear();
    queryClient.setQueryData(trpc.auth.me.queryKey(), null);
    navigate(paths.catalogue);
  };
}
