import { enqueueEffects } from '../effects/enqueueEffects.ts';
import { messagesRouter } from '../messages/messagesRouter.ts';
import { unwrap } from '../trpc/domainError.ts';
import { authedProcedure, router } from '../trpc/trpc.ts';
import { actOnDossier } from './actOnDossier.ts';
import { citizenProcedure } from './citizenProcedure.ts';
import { createDossier } from './createDossier.ts';
import { dossierContextOf } from './dossierContext.ts';
import { dossierHistory } from './dossierHistory.ts';
import { actInput, byIdInput, createInput, saveDraftInput, submitInput } from './dossierInputs.ts';
import { getDossier } from './getDossier.ts';
import { listMyDossiers } from './listMyDossiers.ts';
import { saveDraft } from './saveDraft.ts';
import { submitDossier } from './submitDossier.ts';

/**
 * Dossiers: a citizen opens, autosaves and submits one; staff and the applicant fire
 * transitions on it; both read it, its history and its messages. Procedures only
 * validate (strict schemas), call a service and map its error.
 */
export const dossiersRouter = router({
  create: citizenProcedure
    .input(createInput)
    .mutation(async ({ ctx, input }) => unwrap(await createDossier(dossierContextOf(ctx), input))),
  get: authedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) => unwrap(await getDossier(dossierContextOf(ctx), input))),
  mine: citizenProcedure.query(({ ctx }) => listMyDossiers(dossierContextOf(ctx))),
  saveDraft: authedProcedure
    .input(saveDraftInput)
    .mutation(async ({ ctx, input }) => unwrap(await saveDraft(dossierContextOf(ctx), input))),
  submit: authedProcedure
    .input(submitInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await submitDossier(dossierContextOf(ctx), input, enqueueEffects)),
    ),
  act: authedProcedure
    .input(actInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await actOnDossier(dossierContextOf(ctx), input, enqueueEffects)),
    ),
  history: authedProcedure
    .input(byIdInput)
    .query(async ({ ctx, input }) => unwrap(await dossierHistory(dossierContextOf(ctx), input))),
  messages: messagesRouter,
});
