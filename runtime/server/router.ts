import { authRouter } from './auth/authRouter.ts';
import { demarchesRouter } from './demarches/demarchesRouter.ts';
import { dossiersRouter } from './dossiers/dossiersRouter.ts';
import { queuesRouter } from './queues/queuesRouter.ts';
import { tasksRouter } from './tasks/tasksRouter.ts';
import { router } from './trpc/trpc.ts';

/**
 * The whole API. Each feature folder contributes one router; web apps import only
 * `type AppRouter` from here.
 */
export const appRouter = router({
  auth: authRouter,
  demarches: demarchesRouter,
  dossiers: dossiersRouter,
  queues: queuesRouter,
  tasks: tasksRouter,
});

export type AppRouter = typeof appRouter;
