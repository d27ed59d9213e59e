import { router } from './trpc/trpc.ts';

/**
 * The whole API. Each feature folder contributes one router; web apps import only
 * `type AppRouter` from here.
 */
export const appRouter = router({});

export type AppRouter = typeof appRouter;
