import { queueContextOf } from '../queues/index.ts';
import { router, staffProcedure, unwrap } from '../trpc/index.ts';
import { listMyTasks, myTasksInput } from './listMyTasks.ts';

/**
 * Tasks, for the back office and for other applications that merge them into their own
 * task lists. Acting on a task is firing one of its `actions` on its dossier with
 * `dossiers.act({ id: dossierId, transition, revision })`: the dossiers feature owns every
 * write, so there is no `tasks.complete` to keep in step with it.
 */
export const tasksRouter = router({
  mine: staffProcedure('admin', 'agent', 'supervisor')
    .input(myTasksInput.prefault({}))
    .query(async ({ ctx, input }) => unwrap(await listMyTasks(queueContextOf(ctx), input))),
});
