import type { DemarcheDefinition } from '../definition/types.ts';
import { compileDefinition } from './compileDefinition.ts';
import type { DossierSnapshot } from './types.ts';

/** A timer transition of the current state and the ISO 8601 instant it fires. */
export interface DueTimer {
  transition: string;
  at: string;
}

/**
 * The timer transitions (`after`) that leave the dossier's current state — global ones
 * included when the state is active — and when each fires: entry into the state plus
 * `after`, or for a timer with `since`, the dossier's milestone of that name plus `after`
 * (none while the milestone is not recorded). Pure: the runtime schedules them and, when one is due, fires it with
 * `SYSTEM_ACTOR` through `apply`, which still checks its guard and `by` then.
 *
 * @example
 * dueTimers(socialAidDefinition, { ...dossier, state: 'complement',
 *   enteredStateAt: '2026-03-01T09:00:00.000Z' });
 * // [{ transition: 'expirer', at: '2026-03-31T09:00:00.000Z' }]
 */
export function dueTimers(definition: DemarcheDefinition, dossier: DossierSnapshot): DueTimer[] {
  const state = compileDefinition(definition).states.get(dossier.state);
  if (state === undefined || state.timers.length === 0) return [];
  const entered = new Date(dossier.enteredStateAt);
  const due: DueTimer[] = [];
  for (const timer of state.timers) {
    // A milestone timer counts from its milestone, and waits while there is none.
    const start = timer.since === undefined ? entered : milestoneOf(dossier, timer.since);
    if (start === null) continue;
    due.push({ transition: timer.transition, at: timer.after.addTo(start).toISOString() });
  }
  return due;
}

function milestoneOf(dossier: DossierSnapshot, name: string): Date | null {
  const at = dossier.milestones !== undefined && Object.hasOwn(dossier.milestones, name);
  return at ? new Date(dossier.milestones?.[name] as string) : null;
}
