import type { Actor } from './types.ts';

/**
 * The runtime itself, firing timer transitions (`by: ['system']`). Only this actor passes
 * for `system`: a person never gets the role, whatever their tenant roles say.
 *
 * @example
 * for (const timer of dueTimers(definition, dossier)) {
 *   if (timer.at <= now.toISOString()) {
 *     apply(definition, dossier, { transition: timer.transition }, undefined, SYSTEM_ACTOR, now);
 *   }
 * }
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 'system',
  roles: Object.freeze(['system'] as const),
  units: Object.freeze([]),
});
