import type { DemarcheDefinition, IsoDuration, StateKind } from '../definition/types.ts';
import { compileDefinition } from './compileDefinition.ts';

/** A timer transition leaving one state, as a scheduler looks for due dossiers. */
export interface StateTimer {
  state: string;
  stateKind: StateKind;
  transition: string;
  after: IsoDuration;
  /**
   * The milestone the delay counts from, whichever state the dossier entered since;
   * absent: the entry into `state`, and `latestEntry` bounds `entered_state_at`.
   */
  since?: string;
  /**
   * An upper bound on when a dossier must have entered `state` (or, with `since`, reached
   * the milestone) for this timer to be due
   * at `now`: later entries are not due. Calendar durations make it loose by a few days,
   * so check each dossier found with `dueTimers`.
   */
  latestEntry(now: Date): Date;
}

/**
 * Every timer of a definition, one per (state, transition) — global timers once for each
 * active state — so a runtime can select, per state, the dossiers whose timer is due
 * instead of computing `dueTimers` for every dossier. Pure.
 *
 * @example
 * const [timer] = stateTimers(socialAidDefinition);
 * // { state: 'complement', stateKind: 'active', transition: 'expirer', after: 'P30D', … }
 * timer.latestEntry(new Date('2026-03-31T09:00:00Z')); // 2026-03-01T11:00:00Z (DST margin)
 */
export function stateTimers(definition: DemarcheDefinition): StateTimer[] {
  const timers: StateTimer[] = [];
  for (const state of compileDefinition(definition).states.values()) {
    for (const timer of state.timers) {
      timers.push({
        state: state.definition.id,
        stateKind: state.definition.kind,
        transition: timer.transition,
        after: timer.after.iso,
        ...(timer.since === undefined ? {} : { since: timer.since }),
        latestEntry: (now) => timer.after.startBound(now),
      });
    }
  }
  return timers;
}
