import { limitByAccount } from '../rateLimit/index.ts';
import { authedProcedure, router, unwrap } from '../trpc/index.ts';
import { actOnDossier } from './actOnDossier.ts';
import { checkDossierPage } from './checkDossierPage.ts';
import { citizenProcedure } from './citizenProcedure.ts';
import { createDossier } from './createDossier.ts';
import { dossierContextOf } from './dossierContext.ts';
import { dossierHistory } from './dossierHistory.ts';
import {
  actInput,
  byIdInput,
  checkPageInput,
  createInput,
  saveDraftInput,
  submitInput,
} from './dossierInputs.ts';
import { dossierReceipt } from './dossierReceipt.ts';
import { getDossier } from './getDossier.ts';
import { listMyDossiers } from './listMyDossiers.ts';
import { saveDraft } from './saveDraft.ts';
import { submitDossier } from './submitDossier.ts';

/**
 * Dossiers: a citizen opens, autosaves and submits one; staff and the applicant fire
 * transitions on it; both read it and its history (its messages are the messages
 * feature's, mounted beside it by `router.ts`). Procedures only validate (strict schemas), call a service and map its error.
 */
export const dossiersRouter = router({
  create: citizenProcedure
    .use(limitByAccount('drafts'))
    .input(createInput)
    .mutation(async ({ ctx, input }) => unwrap(await createDossier(dossierContextOf(ctx), input))),
  get: authedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) => unwrap(await getDossier(dossierContextOf(ctx), input))),
  /** The accusé de réception (PDF) of a submitted dossier, for its applicant and its agents. */
  receipt: authedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) => unwrap(await dossierReceipt(dossierContextOf(ctx), input))),
  mine: citizenProcedure.query(({ ctx }) => listMyDossiers(dossierContextOf(ctx))),
  saveDraft: authedProcedure
    .input(saveDraftInput)
    .mutation(async ({ ctx, input }) => unwrap(await saveDraft(dossierContextOf(ctx), input))),
  checkPage: authedProcedure
    .input(checkPageInput)
    .query(async ({ ctx, input }) => unwrap(await checkDossierPage(dossierContextOf(ctx), input))),
  submit: authedProcedure
    .input(submitInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await submitDossier(dossierContextOf(ctx), input, ctx.deps.enqueueEffects)),
    ),
  act: authedProcedure
    .input(actInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await actOnDossier(dossierContextOf(ctx), input, ctx.deps.enqueueEffects)),
    ),
  history: authedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) => unwrap(await dossierHistory(dossierContextOf(ctx), input))),
});
