import { z } from 'zod';
import { dossierContextOf, dossierInputs } from '../dossiers/index.ts';
import { limitByAccount } from '../rateLimit/index.ts';
import { router, staffProcedure, unwrap } from '../trpc/index.ts';
import { getCounterDossier, saveCounterDraft, submitCounterDossier } from './actForApplicant.ts';
import { staffFilableDemarches } from './counterQueries.ts';
import { staffFilingOf } from './staffFilingOf.ts';
import { startCounterDossier } from './startCounterDossier.ts';

const anyStaff = staffProcedure('agent', 'supervisor', 'admin');

const startInput = z.strictObject({
  demarche: dossierInputs.createInput.shape.demarche,
  applicant: z
    .strictObject({
      name: z.string().trim().min(1, 'Indiquez le nom de la personne.').max(200),
      email: z.email({ error: 'Adresse électronique invalide.' }).max(254).optional(),
    })
    .optional(),
});

/**
 * Dossiers opened from the back office (« au guichet », `access.staff` démarches;
 * docs/SECURITY.md §105–§107): the démarches the caller may open, opening one, and —
 * for a person at the counter — reading, filling and filing it on their behalf. An
 * agent's own internal note is filled with the ordinary dossier procedures.
 */
export const counterRouter = router({
  demarches: anyStaff.query(async ({ ctx }) => {
    const all = await staffFilableDemarches(ctx.deps.database.db, ctx.session.tenantId);
    return all
      .filter((demarche) => staffFilingOf({ staff: demarche.staff }, ctx.session) !== null)
      .map(({ slug, title, staff }) => ({ slug, title, applicant: staff.applicant }));
  }),
  start: anyStaff
    .use(limitByAccount('drafts'))
    .input(startInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await startCounterDossier(dossierContextOf(ctx), input)),
    ),
  get: anyStaff
    .input(dossierInputs.byIdInput)
    .query(async ({ ctx, input }) => unwrap(await getCounterDossier(dossierContextOf(ctx), input))),
  saveDraft: anyStaff
    .input(dossierInputs.saveDraftInput)
    .mutation(async ({ ctx, input }) =>
      unwrap(await saveCounterDraft(dossierContextOf(ctx), input)),
    ),
  submit: anyStaff.input(dossierInputs.submitInput).mutation(async ({ ctx, input }) =>
    unwrap(
      await submitCounterDossier(dossierContextOf(ctx), input, {
        enqueue: ctx.deps.enqueueEffects,
        sendJob: ctx.deps.sendJob,
      }),
    ),
  ),
});
