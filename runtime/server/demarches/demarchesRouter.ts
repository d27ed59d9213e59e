import { publicProcedure, router, staffProcedure, unwrap } from '../trpc/index.ts';
import { createDemarche } from './createDemarche.ts';
import { deleteDraft } from './deleteDraft.ts';
import { demarcheInputs } from './demarcheInputs.ts';
import { diffVersions } from './diffVersions.ts';
import { getDemarche } from './getDemarche.ts';
import { getPublished } from './getPublished.ts';
import { getVersion } from './getVersion.ts';
import { listDemarches } from './listDemarches.ts';
import { listPublished } from './listPublished.ts';
import { listVersions } from './listVersions.ts';
import { publishDemarche } from './publishDemarche.ts';
import { saveDraft } from './saveDraft.ts';
import { serviceContextOf } from './serviceContext.ts';
import { validateDraft } from './validateDraft.ts';

/** Admins design and publish; agents and supervisors may read drafts and versions. */
const adminProcedure = staffProcedure('admin');
const staffReadProcedure = staffProcedure('admin', 'agent', 'supervisor');

/**
 * Démarches: create, edit the draft (optimistic concurrency), delete it (the whole
 * démarche if never published, else back to the latest version), check, publish
 * immutable versions, compare them; plus the public catalogue citizens browse.
 * Procedures only validate input, call a service with the session's tenant and map its
 * domain error.
 *
 * @example
 * const { id, draftRevision } = await trpc.demarches.create.mutate({ slug: 'apa', title: 'APA' });
 * await trpc.demarches.saveDraft.mutate({ id, draft, revision: draftRevision });
 */
export const demarchesRouter = router({
  create: adminProcedure
    .input(demarcheInputs.create)
    .mutation(async ({ ctx, input }) => unwrap(await createDemarche(serviceContextOf(ctx), input))),

  list: staffReadProcedure.query(({ ctx }) => listDemarches(serviceContextOf(ctx))),

  get: staffReadProcedure
    .input(demarcheInputs.byId)
    .query(async ({ ctx, input }) => unwrap(await getDemarche(serviceContextOf(ctx), input.id))),

  saveDraft: adminProcedure
    .input(demarcheInputs.saveDraft)
    .mutation(async ({ ctx, input }) => unwrap(await saveDraft(serviceContextOf(ctx), input))),

  deleteDraft: adminProcedure
    .input(demarcheInputs.deleteDraft)
    .mutation(async ({ ctx, input }) => unwrap(await deleteDraft(serviceContextOf(ctx), input))),

  validate: staffReadProcedure
    .input(demarcheInputs.byId)
    .query(async ({ ctx, input }) => unwrap(await validateDraft(serviceContextOf(ctx), input.id))),

  publish: adminProcedure
    .input(demarcheInputs.publish)
    .mutation(async ({ ctx, input }) =>
      unwrap(await publishDemarche(serviceContextOf(ctx), input)),
    ),

  listVersions: staffReadProcedure
    .input(demarcheInputs.byId)
    .query(async ({ ctx, input }) => unwrap(await listVersions(serviceContextOf(ctx), input.id))),

  getVersion: staffReadProcedure
    .input(demarcheInputs.getVersion)
    .query(async ({ ctx, input }) => unwrap(await getVersion(serviceContextOf(ctx), input))),

  diff: staffReadProcedure
    .input(demarcheInputs.diff)
    .query(async ({ ctx, input }) => unwrap(await diffVersions(serviceContextOf(ctx), input))),

  listPublished: publicProcedure
    .input(demarcheInputs.listPublished)
    .query(async ({ ctx, input }) =>
      unwrap(await listPublished(ctx.deps.database.db, input.tenant)),
    ),

  getPublished: publicProcedure
    .input(demarcheInputs.getPublished)
    .query(async ({ ctx, input }) => unwrap(await getPublished(ctx.deps.database.db, input))),
});
