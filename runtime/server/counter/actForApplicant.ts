import { err, ok, type Result } from '../../../shared/result.ts';
import { replaceTrackingCode } from '../anonymous/index.ts';
import { recordSessionAudit, userRef } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import type { SendJob } from '../core/jobPort.ts';
import { type DossierContext, getDossier, saveDraft, submitDossier } from '../dossiers/index.ts';
import { counterErrors } from './counterErrors.ts';
import { counterDraft, displayNameOf, isApplicant } from './counterQueries.ts';
import { onBehalfOf } from './onBehalfOf.ts';

type SaveInput = Parameters<typeof saveDraft>[1];
type SubmitInput = Parameters<typeof submitDossier>[1];

/**
 * The context of the applicant of counter dossier `id`, when the caller is the agent
 * who opened it (docs/SECURITY.md §106), or the caller's own when it is their own
 * dossier (an internal note); anyone else: NOT_FOUND, as for an id that exists nowhere.
 */
async function asApplicant(
  context: DossierContext,
  id: string,
): Promise<Result<{ applicant: DossierContext; tracked: boolean }, DomainError>> {
  const agent = context.session;
  if (agent.kind !== 'staff') return err(counterErrors.notFound());
  const draft = await counterDraft(context.db, agent.tenantId, agent.userId, id);
  if (draft === null) {
    // The agent's own dossier (an internal note): they are its applicant already.
    if (!(await isApplicant(context.db, agent.tenantId, agent.userId, id))) {
      return err(counterErrors.notFound());
    }
    return ok({ applicant: context, tracked: false });
  }
  return ok({
    applicant: { ...context, session: onBehalfOf(agent, draft.applicantId) },
    tracked: draft.tracked,
  });
}

/**
 * For the file route: the context an upload to dossier `id` runs under when the caller
 * is the agent who opened it at the counter (the person's, so the file is theirs and
 * the citizens' upload rules apply), audited as `counter.upload`; null otherwise (the
 * caller's own rules apply, and refuse a draft that is not theirs).
 */
export async function counterUploadContext(
  context: DossierContext,
  id: string,
): Promise<DossierContext | null> {
  const agent = context.session;
  if (agent.kind !== 'staff') return null;
  const draft = await counterDraft(context.db, agent.tenantId, agent.userId, id);
  if (draft === null) return null;
  await recordSessionAudit(context.db, context, {
    action: 'counter.upload',
    object: `dossier:${id}`,
    details: { onBehalfOf: userRef(draft.applicantId) },
  });
  return { ...context, session: onBehalfOf(agent, draft.applicantId) };
}

/**
 * The counter dossier as its applicant sees it — the form to fill at the counter — and
 * for whom: the agent themself, or the person's name.
 */
export async function getCounterDossier(context: DossierContext, input: { id: string }) {
  const as = await asApplicant(context, input.id);
  if (!as.ok) return as;
  const view = await getDossier(as.value.applicant, input);
  if (!view.ok) return view;
  const applicantId = as.value.applicant.session.userId;
  const self = applicantId === context.session.userId;
  const name = await displayNameOf(context.db, context.session.tenantId, applicantId);
  return ok({ ...view.value, applicant: { self, name } });
}

/** Autosave of a counter draft by the agent, through the citizens' `saveDraft`; audited. */
export async function saveCounterDraft(context: DossierContext, input: SaveInput) {
  const as = await asApplicant(context, input.id);
  if (!as.ok) return as;
  const saved = await saveDraft(as.value.applicant, input);
  if (saved.ok && saved.value.savedFields.length > 0) {
    await recordSessionAudit(context.db, context, {
      action: 'counter.save',
      object: `dossier:${input.id}`,
      details: {
        onBehalfOf: userRef(as.value.applicant.session.userId),
        fields: saved.value.savedFields,
      },
    });
  }
  return saved;
}

/**
 * The agent files the counter draft, through the citizens' `submitDossier` (the whole
 * form validated, numbered, routed, effects queued). A person without an account gets
 * a tracking code, shown once to the agent to hand over (a new one replaces the last),
 * and one of its own mailed to the address the form gave, as online (docs/SECURITY.md §111).
 */
export async function submitCounterDossier(
  context: DossierContext,
  input: SubmitInput,
  { enqueue, sendJob }: { enqueue: EnqueueEffects; sendJob: SendJob },
) {
  const as = await asApplicant(context, input.id);
  if (!as.ok) return as;
  const submitted = await submitDossier(as.value.applicant, input, enqueue);
  if (!submitted.ok) return submitted;
  // Handed over by the agent, and mailed to the address the form gave, if any (§111).
  const trackingCode = as.value.tracked
    ? await replaceTrackingCode(context.db, {
        tenantId: context.session.tenantId,
        dossierId: input.id,
        now: context.now,
        sendJob,
      })
    : null;
  await recordSessionAudit(context.db, context, {
    action: 'counter.submit',
    object: `dossier:${input.id}`,
    details: {
      onBehalfOf: userRef(as.value.applicant.session.userId),
      transition: input.transition,
      trackingCode: trackingCode !== null,
    },
  });
  return ok({ ...submitted.value, trackingCode });
}
