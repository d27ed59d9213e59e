import { dossierContextOf } from '../dossiers/index.ts';
import { router, staffProcedure, unwrap } from '../trpc/index.ts';
import { bulkAct } from './bulkAct.ts';
import { bulkJobIdInput, startBulkJobInput } from './bulkJobInputs.ts';
import { latestBulkJob, readBulkJob, startBulkJob } from './bulkJobs.ts';
import { changeAssignment } from './changeAssignment.ts';
import {
  addCommentInput,
  assignInput,
  bulkInput,
  byDossierInput,
  claimInput,
  noInput,
  releaseInput,
} from './collaborationInputs.ts';
import { addComment, listComments } from './comments.ts';
import { listFollowed, setFollowing } from './follows.ts';
import { listAssignees } from './listAssignees.ts';

/** Every staff role works on dossiers; citizens never reach these procedures. */
const staff = staffProcedure('admin', 'agent', 'supervisor');

/**
 * The agents' own layer on a dossier, mounted beside `dossiers` by `router.ts`: private
 * comments (`dossiers.comments.*`), who handles it (`claim`, `assign`, `release`, under
 * the dossier's revision) and the caller's « suivis » (`follow`, `unfollow`,
 * `followed`), the colleagues it may go to (`assignees`) and one action on many dossiers
 * of a queue (`bulk`). Staff only; each step is a staff-only dossier event and an audit row.
 */
export const collaborationRouter = router({
  comments: router({
    list: staff
      .input(byDossierInput)
      .query(async ({ ctx, input }) => unwrap(await listComments(dossierContextOf(ctx), input))),
    add: staff
      .input(addCommentInput)
      .mutation(async ({ ctx, input }) => unwrap(await addComment(dossierContextOf(ctx), input))),
  }),
  claim: staff
    .input(claimInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await changeAssignment(dossierContextOf(ctx), input, 'claim')),
    ),
  assign: staff
    .input(assignInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await changeAssignment(dossierContextOf(ctx), input, 'assign')),
    ),
  release: staff
    .input(releaseInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await changeAssignment(dossierContextOf(ctx), input, 'release')),
    ),
  follow: staff
    .input(byDossierInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await setFollowing(dossierContextOf(ctx), input, true)),
    ),
  unfollow: staff
    .input(byDossierInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await setFollowing(dossierContextOf(ctx), input, false)),
    ),
  followed: staff.input(noInput).query(({ ctx }) => listFollowed(dossierContextOf(ctx))),
  assignees: staff
    .input(byDossierInput)
    .query(async ({ ctx, input }) => unwrap(await listAssignees(dossierContextOf(ctx), input))),
  bulk: staff
    .input(bulkInput)
    .mutation(({ ctx, input }) => bulkAct(dossierContextOf(ctx), input, ctx.deps.enqueueEffects)),
  // The same, as one durable job the worker performs (bulkJobs.ts): progress, then report.
  bulkJobs: router({
    start: staff
      .input(startBulkJobInput)
      .mutation(({ ctx, input }) => startBulkJob(dossierContextOf(ctx), input, ctx.deps.sendJob)),
    get: staff
      .input(bulkJobIdInput)
      .query(async ({ ctx, input }) =>
        unwrap(await readBulkJob(dossierContextOf(ctx), input.jobId)),
      ),
    latest: staff.input(noInput).query(({ ctx }) => latestBulkJob(dossierContextOf(ctx))),
  }),
});
