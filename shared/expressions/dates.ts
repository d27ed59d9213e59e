import { onFirstUse } from '../onFirstUse.ts';

/**
 * Calendar dates as the form stores them (`format: date`, `YYYY-MM-DD`), computed on
 * whole days in UTC so no time zone or daylight saving shift can move a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const DAY_MS = 86_400_000;

/** `{ year, month (1–12), day }` of an ISO date or date-time string, or null. */
export function parseDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `YYYY-MM-DD` of a year, month and day, or null when they name no day. */
export function formatDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` moved by whole months; the day is kept, or clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February), as a lawyer counts « un mois ».
 */
export function addMonths(date: string, months: number): string | null {
  const d = parseDate(date);
  if (d === null || !Number.isInteger(months)) return null;
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(d.day, daysInMonth(year, month)));
}

export function addDays(date: string, days: number): string | null {
  const d = parseDate(date);
  if (d === null || !Number.isInteger(days)) return null;
  const moved = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS);
  return formatDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number | null {
  const a = parseDate(from);
  const b = parseDate(to);
  if (a === null || b === null) return null;
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS;
}

/**
 * Age in whole years on `at` of someone born on `birth`: the birthday must have come
 * (born 29 February: one more year on 1 March of a common year). Null before birth.
 */
export function ageOn(birth: string, at: string): number | null {
  const b = parseDate(birth);
  const a = parseDate(at);
  if (b === null || a === null) return null;
  const hadBirthday = a.month > b.month || (a.month === b.month && a.day >= b.day);
  const age = a.year - b.year - (hadBirthday ? 0 : 1);
  return age < 0 ? null : age;
}

// Building a formatter costs far more than using one: made once, on first use.
const PARIS_DAY = onFirstUse(
  () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }),
);

/**
 * The calendar day in Paris at `now`: the `today` every expression reads, on the server
 * and in the browser alike, whatever the machine's own time zone.
 *
 * @example
 * parisDate(new Date('2026-12-31T23:30:00Z')); // '2027-01-01'
 */
export function parisDate(now: Date): string {
  const parts = PARIS_DAY().formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
