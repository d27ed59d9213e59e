import { parisDate } from '../../../shared/expressions/dates.ts';

/** A period of whole Paris days, `from` and `to` included, and the instants bounding it. */
export interface ParisPeriod {
  /** `YYYY-MM-DD`, Paris calendar. */
  from: string;
  /** `YYYY-MM-DD`, Paris calendar, included. */
  to: string;
  /** Midnight in Paris opening `from`. */
  start: Date;
  /** Midnight in Paris after `to`: the period is `[start, end)`. */
  end: Date;
}

const HOUR_MS = 3_600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

let PARIS_HOUR: Intl.DateTimeFormat | undefined;

/**
 * The instant of midnight in Paris opening `day`. Paris is UTC+1 or UTC+2 and changes
 * at 02:00 or 03:00, never at midnight, so one of the two offsets fits.
 *
 * @example
 * parisMidnight('2026-07-01').toISOString(); // '2026-06-30T22:00:00.000Z'
 */
export function parisMidnight(day: string): Date {
  const match = DAY.exec(day);
  if (match === null) throw new Error(`guichet: not a day: ${day}`);
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  PARIS_HOUR ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  for (const offset of [1, 2]) {
    const candidate = new Date(utcMidnight - offset * HOUR_MS);
    if (parisDate(candidate) === day && PARIS_HOUR.format(candidate) === '00') return candidate;
  }
  throw new Error(`guichet: no Paris midnight found for ${day}`);
}

/** The day `days` after `day` on the calendar (`YYYY-MM-DD`; negative: before). */
function addDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The period of whole Paris days from `from` to `to`, both included. */
function daysPeriod(from: string, to: string): ParisPeriod {
  return { from, to, start: parisMidnight(from), end: parisMidnight(addDays(to, 1)) };
}

/**
 * The Paris calendar week (Monday to Sunday) holding `now`: the dashboard's « cette
 * semaine ».
 *
 * @example
 * parisWeek(new Date('2026-04-19T22:30:00Z')); // already Monday 20 April in Paris
 * // { from: '2026-04-20', to: '2026-04-26', start: 2026-04-19T22:00Z, end: 2026-04-26T22:00Z }
 */
export function parisWeek(now: Date): ParisPeriod {
  const today = parisDate(now);
  // getUTCDay: 0 is Sunday; the French week starts on Monday.
  const sinceMonday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -sinceMonday);
  return daysPeriod(monday, addDays(monday, 6));
}

/**
 * The period asked for, or the Paris calendar month holding `now` (the dashboard's
 * default), as instants for the database.
 *
 * @example
 * parisPeriod(new Date('2026-03-31T22:30:00Z')); // April 2026: it is already 1 April in Paris
 * // { from: '2026-04-01', to: '2026-04-30', start: 2026-03-31T22:00Z, end: 2026-04-30T22:00Z }
 */
export function parisPeriod(now: Date, asked?: { from: string; to: string }): ParisPeriod {
  let from: string;
  let to: string;
  if (asked !== undefined) ({ from, to } = asked);
  else {
    const today = parisDate(now);
    from = `${today.slice(0, 7)}-01`;
    const firstOfNext = new Date(`${from}T12:00:00Z`);
    firstOfNext.setUTCMonth(firstOfNext.getUTCMonth() + 1);
    firstOfNext.setUTCDate(0);
    to = firstOfNext.toISOString().slice(0, 10);
  }
  return daysPeriod(from, to);
}
