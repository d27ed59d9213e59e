import { dossierEvents } from '../../db/index.ts';
import type { EffectDeps } from './effectDeps.ts';
import type { EffectJobData } from './effectJob.ts';
import { claimEffectRun, type EffectOutcome, finishEffect } from './effectRuns.ts';
import { loadEffectDossier } from './loadEffectDossier.ts';
import { renderTemplate } from './renderTemplate.ts';

/** Payload of the `letter_generated` dossier event. */
export interface LetterGeneratedPayload {
  template: string;
  title: string;
  /** The rendered letter, plain text; the PDF is made from it later. */
  text: string;
  effectKey: string;
}

/**
 * Renders a letter template and appends it to the dossier as a `letter_generated`
 * event. Exactly once: the `effect_runs` row and the event commit in one transaction,
 * so a run killed midway leaves neither and a second run finds the row and stops
 * (a concurrent one waits on that row, then sees it done).
 *
 * @example
 * await performLetter(deps, job.data); // { status: 'done', detail: { eventSeq: 5 } }
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
    const context = { dossier: dossier.placeholders, data: dossier.data, input: job.input };
    const title = await renderTemplate(template.title, context);
    if (!title.ok)
      return finish({ status: 'failed', reason: 'TEMPLATE_ERROR', detail: title.error.detail });
    const text = await renderTemplate(template.body, context);
    if (!text.ok)
      return finish({ status: 'failed', reason: 'TEMPLATE_ERROR', detail: text.error.detail });

    const payload: LetterGeneratedPayload = {
      template: template.id,
      title: title.value,
      text: text.value,
      effectKey: job.effectKey,
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
    return finish({ status: 'done', detail: { eventSeq: event?.seq ?? null } });
  });
}
