import { dossierSourceLabels } from '../dossiers/index.ts';
import type { EffectDeps } from './effectDeps.ts';
import { type EffectJobData, effectIdOf } from './effectJob.ts';
import { claimEffectRun, type EffectOutcome, finishEffect } from './effectRuns.ts';
import { loadEffectDossier } from './loadEffectDossier.ts';
import { renderTemplate } from './renderTemplate.ts';
import { resolveRecipients } from './resolveRecipients.ts';

/**
 * Sends a notification mail, at most once per effect key as far as the database can
 * tell (docs/SECURITY.md §24):
 * 1. `claimEffectRun` — a finished run means nothing to do;
 * 2. render and send (a rejected send throws: pg-boss retries with backoff);
 * 3. `completeEffectRun` right after the SMTP server accepted the message.
 *
 * The remaining at-least-once window is between 2 and 3: if the process dies after the
 * SMTP server said `250 OK` and before the completion commits (a few milliseconds, one
 * UPDATE), pg-boss redelivers the job once it expires and the mail goes out again, with
 * the same `Message-ID` (derived from the effect key) so clients can fold it. Sending
 * nothing in that case would lose mails, which is worse.
 *
 * Needs a mailer: a worker without `config.smtp` does not take notify jobs at all
 * (`startWorker`), so they wait for one that can send them. A broken
 * template, or nobody to send to, is a permanent outcome, recorded and not retried.
 *
 * @example
 * const outcome = await performNotify(deps, job.data); // { status: 'done', detail: { recipients: 1 } }
 */
export async function performNotify(deps: EffectDeps, job: EffectJobData): Promise<EffectOutcome> {
  if (job.effect.type !== 'notify')
    throw new Error(`guichet: ${job.effect.type} job on the notify queue`);
  const effect = job.effect;
  // Thrown before claiming: the job is retried, never recorded as done or skipped.
  if (deps.mailer === null) throw new Error('guichet: a notify job reached a worker without SMTP');
  const mailer = deps.mailer;
  if (!(await claimEffectRun(deps.db, job, 'notify'))) return { status: 'already-done' };
  const finish = (outcome: EffectOutcome) => finishEffect(deps, job, 'notify', outcome);

  const loaded = await loadEffectDossier(deps.db, job);
  if (!loaded.ok) return finish({ status: 'skipped', reason: loaded.error.code });
  const dossier = loaded.value;
  const template = dossier.definition.notifications?.find((t) => t.id === effect.template);
  if (!template)
    return finish({ status: 'failed', reason: 'UNKNOWN_TEMPLATE', detail: effect.template });

  const context = {
    dossier: dossier.placeholders,
    data: dossier.data,
    input: job.input,
    form: dossier.definition.form,
    sourceLabels: await dossierSourceLabels(
      { db: deps.db, now: deps.clock(), urlSources: deps.urlSources },
      job.tenantId,
      dossier.definition,
      [dossier.data],
    ),
  };
  const subject = await renderTemplate(template.subject, context);
  if (!subject.ok)
    return finish({ status: 'failed', reason: 'TEMPLATE_ERROR', detail: subject.error.detail });
  const body = await renderTemplate(template.body, context);
  if (!body.ok)
    return finish({ status: 'failed', reason: 'TEMPLATE_ERROR', detail: body.error.detail });

  const decidedFor = job.unit === undefined ? dossier : { ...dossier, unitCode: job.unit };
  const to = await resolveRecipients(deps.db, job.tenantId, decidedFor, effect.to);
  if (to.length === 0) {
    // A typed address that is not one is the applicant's data, not a delivery failure.
    const reason = effect.to.kind === 'field' ? 'INVALID_ADDRESS' : 'NO_RECIPIENT';
    return finish({ status: 'skipped', reason });
  }

  const messageId = `<${effectIdOf(job.tenantId, job.effectKey)}@guichet>`;
  await mailer.send({ to, subject: subject.value, text: body.value, messageId });
  return finish({ status: 'done', detail: { recipients: to.length, messageId } });
}
