import type { Duration } from 'date-fns';
import { add } from 'date-fns/add';
import { sub } from 'date-fns/sub';
import { parse } from 'tinyduration';
import type { IsoDuration } from '../definition/types.ts';

/** An ISO 8601 duration parsed once, ready to be added to dates. */
export interface CompiledDuration {
  readonly iso: IsoDuration;
  /** The date this long after `date`. */
  addTo(date: Date): Date;
  /**
   * A date no earlier than any `start` whose `addTo(start)` is at or before `end`: this
   * long before `end`, exactly for a duration made of hours, minutes and seconds. By the
   * calendar, adding is not the inverse of subtracting (`P1M` takes 28, 29, 30 and
   * 31 January all to 28 February), so the bound is moved later by `CALENDAR_SLACK_MS`
   * (or `DST_SLACK_MS` for days and weeks alone). A database selects `start <= bound`
   * with an index; `addTo` then says exactly which of those are due.
   */
  startBound(end: Date): Date;
}

/** A month is up to 3 days shorter than the one before it; plus a DST hour, with margin. */
const CALENDAR_SLACK_MS = 4 * 24 * 3_600_000;
/** Days keep the wall-clock time: across a DST change they last 23 or 25 hours. */
const DST_SLACK_MS = 2 * 3_600_000;

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
  const months = duration.years || duration.months;
  if (months || duration.weeks || duration.days) {
    const slack = months ? CALENDAR_SLACK_MS : DST_SLACK_MS;
    return {
      iso,
      addTo: (date) => add(date, duration),
      startBound: (end) => new Date(sub(end, duration).getTime() + slack),
    };
  }
  const ms =
    ((duration.hours ?? 0) * 3600 + (duration.minutes ?? 0) * 60 + (duration.seconds ?? 0)) * 1000;
  return {
    iso,
    addTo: (date) => new Date(date.getTime() + ms),
    startBound: (end) => new Date(end.getTime() - ms),
  };
}

function parseDuration(iso: IsoDuration): ReturnType<typeof parse> {
  try {
    return parse(iso);
  } catch {
    throw new Error(`Invalid ISO 8601 duration in definition: ${JSON.stringify(iso)}`);
  }
}
