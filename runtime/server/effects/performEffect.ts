import type { EffectDeps } from './effectDeps.ts';
import type { EffectJobData } from './effectJob.ts';
import type { EffectOutcome } from './effectRuns.ts';
import { performLetter } from './performLetter.ts';
import { performNotify } from './performNotify.ts';
import { performWebhook } from './performWebhook.ts';

/**
 * Performs one effect job, whatever its type. Resolves with the outcome (done, already
 * done, skipped, permanently failed); throws when a retry may succeed (SMTP or webhook
 * receiver unavailable), which makes pg-boss retry the job with backoff.
 *
 * @example
 * const outcome = await performEffect(deps, job.data);
 */
export function performEffect(deps: EffectDeps, job: EffectJobData): Promise<EffectOutcome> {
  switch (job.effect.type) {
    case 'notify':
      return performNotify(deps, job);
    case 'webhook':
      return performWebhook(deps, job);
    case 'letter':
      return performLetter(deps, job);
  }
}
