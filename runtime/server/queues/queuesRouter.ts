import type { Context, SessionActor } from '../trpc/context.ts';
import { unwrap } from '../trpc/domainError.ts';
import { router, staffProcedure } from '../trpc/trpc.ts';
import { countQueue } from './countQueue.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import { queueCountsInput, queueListInput } from './queueInput.ts';

/** Every staff role reads queues; what each sees is `visibleUnits`' business. */
const staff = staffProcedure('admin', 'agent', 'supervisor');

/**
 * The back-office queues: a filtered, sorted, keyset-paged list of dossiers and the
 * counts per state for its tabs. Procedures validate (strict schemas), call a service
 * and map its error; the tenant and the viewer's units come from the session only.
 */
export const queuesRouter = router({
  list: staff
    .input(queueListInput)
    .query(async ({ ctx, input }) => unwrap(await listQueue(queueContextOf(ctx), input))),
  counts: staff
    .input(queueCountsInput.prefault({}))
    .query(async ({ ctx, input }) => unwrap(await countQueue(queueContextOf(ctx), input))),
});

/**
 * The service context of a signed-in staff request, shared with the tasks feature.
 *
 * @example
 * staff.query(({ ctx }) => listQueue(queueContextOf(ctx), input));
 */
export function queueContextOf(ctx: Context & { session: SessionActor }): QueueServiceContext {
  return { db: ctx.deps.database.db, viewer: ctx.session, now: ctx.deps.clock() };
}
