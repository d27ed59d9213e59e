import { attachments, dossierEvents } from '../../db/index.ts';
import { dossierSourceLabels } from '../dossiers/index.ts';
import type { EffectDeps } from './effectDeps.ts';
import type { EffectJobData } from './effectJob.ts';
import { claimEffectRun, type EffectOutcome, finishEffect } from './effectRuns.ts';
import { letterheadOf } from './letterhead.ts';
import { letterPdf } from './letterPdf.ts';
import { loadEffectDossier } from './loadEffectDossier.ts';
import { renderTemplate } from './renderTemplate.ts';

/** Payload of the `letter_generated` dossier event. */
export interface LetterGeneratedPayload {
  template: string;
  title: string;
  /** The rendered letter, plain text, as the PDF says it. */
  text: string;
  effectKey: string;
  /** The PDF, an attachment of the dossier (download: `GET /api/attachments/:id`). */
  attachmentId: string;
  fileName: string;
  sha256: string;
}

/**
 * Renders a letter template, lays it out as a PDF (`letterPdf`: letterhead, date,
 * reference, body), keeps the PDF in the attachments' store by content hash, and records
 * it as an attachment of the dossier plus a `letter_generated` event naming it — so the
 * applicant and the agents who may read the dossier download it like any of its files.
 * Exactly once: the `effect_runs` row, the attachment and the event commit in one
 * transaction, so a run killed midway leaves none of them (at most a stored file no row
 * names) and a redelivered job finds the row and stops: a letter is never made twice.
 *
 * @example
 * await performLetter(deps, job.data); // { status: 'done', detail: { eventSeq: 5, attachmentId } }
 */
export async function performLetter(deps: EffectDeps, job: EffectJobData): Promise<EffectOutcome> {
  if (job.effect.type !== 'letter')
    throw new Error(`guichet: ${job.effect.type} job on the letter queue`);
  const templateId = job.effect.template;
  return deps.db.transaction(async (tx) => {
    if (!(await claimEffectRun(tx, job, 'letter'))) return { status: 'already-done' } as const;
    const inTx = { ...deps, db: tx };
    const finish = (outcome: EffectOutcome) => finishEffect(inTx, job, 'letter', outcome);

    const loaded = await loadEffectDossier(tx, job);
    if (!loaded.ok) return finish({ status: 'skipped', reason: loaded.error.code });
    const dossier = loaded.value;
    const template = dossier.definition.letters?.find((t) => t.id === templateId);
    if (!template)
      return finish({ status: 'failed', reason: 'UNKNOWN_TEMPLATE', detail: templateId });
    const context = {
      dossier: dossier.placeholders,
      data: dossier.data,
      input: job.input,
      form: dossier.definition.form,
      sourceLabels: await dossierSourceLabels(
        { db: tx, now: deps.clock(), urlSources: deps.urlSources },
        job.tenantId,
        dossier.definition,
        [dossier.data],
      ),
    };
    const title = await renderTemplate(template.title, context);
    if (!title.ok)
      return finish({ status: 'failed', reason: 'TEMPLATE_ERROR', detail: title.error.detail });
    const text = await renderTemplate(template.body, context);
    if (!text.ok)
      return finish({ status: 'failed', reason: 'TEMPLATE_ERROR', detail: text.error.detail });

    const now = deps.clock();
    const reference = dossier.reference ?? dossier.id;
    const pdf = await letterPdf({
      ...letterheadOf(dossier),
      date: now,
      reference,
      title: title.value,
      body: text.value,
    });
    const stored = await deps.storeFile(pdf);
    const fileName = `${template.id}-${reference}.pdf`;
    const [file] = await tx
      .insert(attachments)
      .values({
        tenantId: job.tenantId,
        dossierId: job.dossierId,
        field: null,
        fileName,
        mediaType: 'application/pdf',
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        uploadedBy: null,
        createdAt: now,
        // Made here from text, never uploaded: there is nothing for the antivirus to find.
        scanStatus: 'not_scanned',
      })
      .returning({ id: attachments.id });
    const payload: LetterGeneratedPayload = {
      template: template.id,
      title: title.value,
      text: text.value,
      effectKey: job.effectKey,
      attachmentId: file!.id,
      fileName,
      sha256: stored.sha256,
    };
    const [event] = await tx
      .insert(dossierEvents)
      .values({
        tenantId: job.tenantId,
        dossierId: job.dossierId,
        type: 'letter_generated',
        actorId: null,
        payload: { ...payload },
      })
      .returning({ seq: dossierEvents.seq });
    return finish({
      status: 'done',
      detail: { eventSeq: event?.seq ?? null, attachmentId: file!.id },
    });
  });
}
