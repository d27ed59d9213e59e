import { anonymousRouter } from './anonymous/index.ts';
import { authRouter } from './auth/index.ts';
import { collaborationRouter } from './collaboration/index.ts';
import { dashboardRouter } from './dashboard/index.ts';
import { dataSourcesRouter } from './dataSources/index.ts';
import { demarchesRouter } from './demarches/index.ts';
import { documentsRouter } from './documents/index.ts';
import { dossiersRouter } from './dossiers/index.ts';
import { messagesRouter } from './messages/index.ts';
import { queuesRouter } from './queues/index.ts';
import { staffRouter } from './staff/index.ts';
import { tasksRouter } from './tasks/index.ts';
import { tenantRouter } from './tenantSettings/index.ts';
import { mergeRouters, router } from './trpc/index.ts';
import { unitsRouter } from './units/index.ts';

/**
 * The whole API. Each feature folder contributes one router; web apps import only
 * `type AppRouter` from here.
 */
export const appRouter = router({
  anonymous: anonymousRouter,
  auth: authRouter,
  dashboard: dashboardRouter,
  dataSources: dataSourcesRouter,
  demarches: demarchesRouter,
  documents: documentsRouter,
  // Messages and the agents' collaboration (comments, assignment, follows) live in their
  // own features but keep `dossiers.*` paths.
  dossiers: mergeRouters(dossiersRouter, router({ messages: messagesRouter }), collaborationRouter),
  queues: queuesRouter,
  staff: staffRouter,
  tasks: tasksRouter,
  tenant: tenantRouter,
  units: unitsRouter,
});

export type AppRouter = typeof appRouter;
