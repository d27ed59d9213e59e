import type { Duration } from 'date-fns';
import { add } from 'date-fns/add';
import { parse } from 'tinyduration';
import type { IsoDuration } from '../definition/types.ts';

/** An ISO 8601 duration parsed once, ready to be added to dates. */
export interface CompiledDuration {
  readonly iso: IsoDuration;
  /** The date this long after `date`. */
  addTo(date: Date): Date;
}

/**
 * Parses an ISO 8601 duration (SLA, timer, due date) once per definition.
 *
 * Years, months, weeks and days follow the calendar (date-fns `add`, in the process time
 * zone): `P1M` from 31 January is the last day of February, and a day across a DST change
 * keeps the wall-clock time. Hours, minutes and seconds are exact elapsed time, so a
 * duration made only of them skips date-fns and is a plain addition.
 *
 * Throws on a malformed duration: definitions are validated before they reach the engine.
 *
 * @example
 * compileDuration('P1M').addTo(new Date('2026-01-31T10:00:00Z')); // 2026-02-28T10:00:00Z
 * compileDuration('PT48H').addTo(new Date('2026-03-01T08:00:00Z')); // 2026-03-03T08:00:00Z
 */
export function compileDuration(iso: IsoDuration): CompiledDuration {
  const parsed = parseDuration(iso);
  const sign = parsed.negative ? -1 : 1;
  const duration: Duration = {
    years: sign * (parsed.years ?? 0),
    months: sign * (parsed.months ?? 0),
    weeks: sign * (parsed.weeks ?? 0),
    days: sign * (parsed.days ?? 0),
    hours: sign * (parsed.hours ?? 0),
    minutes: sign * (parsed.minutes ?? 0),
    seconds: sign * (parsed.seconds ?? 0),
  };
  const calendar = duration.years || duration.months || duration.weeks || duration.days;
  if (calendar) return { iso, addTo: (date) => add(date, duration) };
  const ms =
    ((duration.hours ?? 0) * 3600 + (duration.minutes ?? 0) * 60 + (duration.seconds ?? 0)) * 1000;
  return { iso, addTo: (date) => new Date(date.getTime() + ms) };
}

function parseDuration(iso: IsoDuration): ReturnType<typeof parse> {
  try {
    return parse(iso);
  } catch {
    throw new Error(`Invalid ISO 8601 duration in definition: ${JSON.stringify(iso)}`);
  }
}
