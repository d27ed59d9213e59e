import type { CompiledTransition } from './compileDefinition.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import type { Actor, DossierSnapshot } from './types.ts';

/** Why an actor may not fire a transition (see `NOT_ALLOWED`). */
export type Denial = 'role' | 'unit' | 'owner';

/**
 * Whether `actor` may fire `transition` on `dossier`: `null` when allowed, else why not.
 *
 * - `applicant` in `by` admits the dossier's own applicant, not any citizen;
 * - `agent` / `supervisor` admit staff with that role whose units cover the dossier's unit,
 *   or any of them while the dossier is not routed yet (unit `null`) — so a new dossier
 *   can be picked up;
 * - `admin` admits tenant admins whatever the unit;
 * - `system` admits only `SYSTEM_ACTOR`.
 *
 * @example
 * checkPermission(compiled.transitions.get('retirer')!, dossier, agent); // 'owner'
 */
export function checkPermission(
  transition: CompiledTransition,
  dossier: DossierSnapshot,
  actor: Actor,
): Denial | null {
  const admits = transition.admits;
  if (admits.applicant && actor.id === dossier.applicantId) return null;
  let roleMatched = false;
  for (const role of actor.roles) {
    if (!admits[role]) continue;
    if (role === 'system') {
      if (actor.id === SYSTEM_ACTOR.id) return null;
      continue;
    }
    if (role === 'admin') return null;
    roleMatched = true;
    if (dossier.unit === null || actor.units.includes(dossier.unit)) return null;
  }
  if (roleMatched) return 'unit';
  return transition.applicantOnly ? 'owner' : 'role';
}
