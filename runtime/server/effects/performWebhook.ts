import { checkWebhookTarget } from '../outbound/index.ts';
import type { EffectDeps } from './effectDeps.ts';
import { type EffectJobData, effectIdOf } from './effectJob.ts';
import { claimEffectRun, type EffectOutcome, finishEffect } from './effectRuns.ts';
import { loadEffectDossier } from './loadEffectDossier.ts';
import { postWebhook } from './postWebhook.ts';
import { signWebhook } from './signWebhook.ts';

/** The JSON body of a webhook; identical on every delivery of one effect. */
export interface WebhookEvent {
  /** Derived from the tenant and effect key: receivers drop a redelivery by it. */
  id: string;
  type: string;
  /** Tenant slug. */
  tenant: string;
  dossier: { id: string; reference: string | null; state: string };
  /** When the transition that decided the call happened. */
  at: string;
}

/**
 * Calls a webhook (docs/SECURITY.md §14, 19, 24):
 * 1. `claimEffectRun` — a finished run means nothing to do;
 * 2. `checkWebhookTarget` — a refused URL (private address, `file://`…) is a permanent
 *    failure, recorded and logged, and no request is made;
 * 3. POST the event, signed (`X-Guichet-Signature`, `X-Guichet-Timestamp`,
 *    `X-Guichet-Event-Id`); a network error or a non-2xx answer (3xx included: redirects
 *    are not followed) throws, and pg-boss retries with backoff. The body and event id
 *    are the same on every delivery; only the timestamp and signature change;
 * 4. `completeEffectRun` right after the 2xx.
 *
 * Window: a process dying between the receiver's 2xx and step 4 redelivers the event
 * with the same id once the job expires; receivers deduplicate on `X-Guichet-Event-Id`.
 *
 * @example
 * await performWebhook(deps, job.data); // { status: 'done', detail: { status: 204 } }
 */
export async function performWebhook(deps: EffectDeps, job: EffectJobData): Promise<EffectOutcome> {
  if (job.effect.type !== 'webhook')
    throw new Error(`guichet: ${job.effect.type} job on the webhook queue`);
  const effect = job.effect;
  if (!(await claimEffectRun(deps.db, job, 'webhook'))) return { status: 'already-done' };
  const finish = (outcome: EffectOutcome) => finishEffect(deps, job, 'webhook', outcome);

  const loaded = await loadEffectDossier(deps.db, job);
  if (!loaded.ok) return finish({ status: 'skipped', reason: loaded.error.code });
  const dossier = loaded.value;
  const target = await checkWebhookTarget(effect.url, {
    allowPrivateTargets: deps.allowPrivateTargets,
    ...(deps.resolveHost ? { resolve: deps.resolveHost } : {}),
  });
  if (!target.ok) {
    // An unknown host may be a DNS hiccup: retry. Anything else will not change.
    if (target.error.code === 'UNRESOLVABLE_HOST') throw new Error('webhook: host did not resolve');
    return finish({ status: 'failed', reason: target.error.code });
  }

  const transition = dossier.definition.workflow?.transitions?.find((t) => t.id === job.transition);
  const event: WebhookEvent = {
    id: effectIdOf(job.tenantId, job.effectKey),
    type: effect.event ?? `dossier.${job.transition}`,
    tenant: dossier.tenantSlug,
    // The state the transition led to, not the current one: the body must not change
    // between deliveries.
    dossier: {
      id: dossier.id,
      reference: dossier.reference,
      state: transition?.to ?? dossier.state,
    },
    at: dossier.eventAt ?? deps.clock().toISOString(),
  };
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(deps.clock().getTime() / 1000));
  const status = await postWebhook({
    target: target.value,
    body,
    headers: {
      'x-guichet-event-id': event.id,
      'x-guichet-timestamp': timestamp,
      'x-guichet-signature': signWebhook(deps.config.webhookSecret, timestamp, body),
    },
  });
  if (status < 200 || status >= 300) throw new Error(`webhook: receiver answered ${status}`);
  return finish({ status: 'done', detail: { status } });
}
