import { infiniteQueryOptions } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import type { QueueListInput } from '../navigation/queueFilters.ts';

/**
 * The queue's pages as one infinite query, shared by the queue screen and the app, which
 * asks for the first page while it is still asking who is signed in. Each page goes in a
 * request of its own (`alone`), never batched behind the counts or the saved views.
 *
 * tRPC's own infinite options add `direction: 'forward'` to the input, which the
 * queue's strict schema refuses (its `direction` is the sort's): paged by hand instead.
 *
 * @example
 * const list = useInfiniteQuery(useQueueListOptions()(listInputOf(filters)));
 */
export function useQueueListOptions() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return (input: QueueListInput) =>
    infiniteQueryOptions({
      queryKey: [...trpc.queues.list.queryKey(input), 'pages'],
      queryFn: ({ pageParam }) =>
        client.queues.list.query(pageParam ? { ...input, cursor: pageParam } : input, {
          context: { alone: true },
        }),
      // The page the app asked for at start is fresh for the screen that mounts next;
      // a change made from a dossier or a bulk action invalidates the queue anyway.
      staleTime: 5_000,
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    });
}
