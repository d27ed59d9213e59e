import { z } from 'zod';
import type { SessionActor } from '../core/sessionActor.ts';
import { type Context, router, staffProcedure, unwrap } from '../trpc/index.ts';
import { countQueue } from './countQueue.ts';
import {
  type ExportServiceContext,
  exportIdInput,
  latestExport,
  readExport,
  startExport,
  startExportInput,
} from './exportJobs.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import { queueCountsInput, queueListInput } from './queueInput.ts';
import { deleteView, listViews, saveView, saveViewInput, viewIdInput } from './savedViews.ts';

/** Every staff role reads queues; what each sees is `visibleUnits`' business. */
const staff = staffProcedure('admin', 'agent', 'supervisor');

/**
 * The back-office queues: a filtered, sorted, keyset-paged list of dossiers and the
 * counts per state for its tabs, and the caller's saved views. Procedures validate (strict schemas), call a service
 * and map its error; the tenant and the viewer's units come from the session only.
 */
export const queuesRouter = router({
  list: staff
    .input(queueListInput)
    .query(async ({ ctx, input }) => unwrap(await listQueue(queueContextOf(ctx), input))),
  counts: staff
    .input(queueCountsInput.prefault({}))
    .query(async ({ ctx, input }) => unwrap(await countQueue(queueContextOf(ctx), input))),
  // Exports above IMMEDIATE_EXPORT_LIMIT rows, written by the worker (§132).
  exports: router({
    start: staff
      .input(startExportInput)
      .mutation(async ({ ctx, input }) =>
        unwrap(await startExport(exportContextOf(ctx), input, ctx.deps.sendJob)),
      ),
    get: staff
      .input(exportIdInput)
      // Null for an export that is not the caller's, exactly as for one that never existed.
      .query(async ({ ctx, input }) => {
        const view = await readExport(exportContextOf(ctx), input.exportId);
        return view.ok ? view.value : null;
      }),
    latest: staff
      .input(z.strictObject({}).prefault({}))
      .query(({ ctx }) => latestExport(exportContextOf(ctx))),
  }),
  // The caller's own saved filters (docs/SECURITY.md §75).
  views: router({
    list: staff
      .input(z.strictObject({}).prefault({}))
      .query(({ ctx }) => listViews(queueContextOf(ctx))),
    save: staff
      .input(saveViewInput)
      .mutation(async ({ ctx, input }) => unwrap(await saveView(queueContextOf(ctx), input))),
    remove: staff
      .input(viewIdInput)
      .mutation(async ({ ctx, input }) => unwrap(await deleteView(queueContextOf(ctx), input))),
  }),
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

function exportContextOf(ctx: Context & { session: SessionActor }): ExportServiceContext {
  return {
    ...queueContextOf(ctx),
    session: ctx.session,
    requestId: ctx.requestId,
    atOnceRows: ctx.deps.config.exportAtOnceRows,
  };
}
