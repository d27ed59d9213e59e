import type { DossierEvent } from '../../../shared/engine/index.ts';
import type { DossierEventPayload } from '../../db/index.ts';

/**
 * The stored payload of a `transition` event: what the engine decided (transition,
 * from/to, the actor's input, before/after of unit, assignee, due date, priority), plus
 * the reference when this transition numbered the dossier, and a routing target the
 * tenant does not have, and the milestone it recorded (timers with `since` count from it). Actor, time and request id are columns of their own.
 *
 * @example
 * transitionPayload(event, { reference: 'AIDE-2026-000001', unknownUnit: null });
 * // { transition: 'deposer', from: 'brouillon', to: 'depose', input: {}, changes: {…},
 * //   reference: 'AIDE-2026-000001' }
 */
export function transitionPayload(
  event: DossierEvent,
  extra: { reference: string | null; unknownUnit: string | null },
): DossierEventPayload {
  const changes = { ...event.changes };
  // The unit did not change after all: the target is recorded apart.
  if (extra.unknownUnit !== null) delete changes['unit'];
  return {
    transition: event.transition,
    from: event.from,
    to: event.to,
    input: event.input,
    changes,
    ...(event.milestone === undefined ? {} : { milestone: event.milestone }),
    ...(extra.reference === null ? {} : { reference: extra.reference }),
    ...(extra.unknownUnit === null ? {} : { unknownUnit: extra.unknownUnit }),
  };
}

const YEAR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric' });

/**
 * The year of a reference, in French time: a dossier submitted at 00:30 on 1 January in
 * Paris is numbered in the new year although it is still 31 December in UTC.
 *
 * @example
 * parisYear(new Date('2025-12-31T23:30:00Z')); // 2026
 */
export function parisYear(at: Date): number {
  // Intl formatting took ~1% of a submit's CPU in the bench's profiles (~1 µs alone, far
  // more amid a busy server). Paris is a whole number of hours off UTC, so the year
  // cannot change within a UTC hour: one formatting per hour is enough.
  const hour = Math.floor(at.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastYear = Number(YEAR.format(at));
    lastHour = hour;
  }
  return lastYear;
}

const HOUR_MS = 3_600_000;
let lastHour = Number.NaN;
let lastYear = 0;
