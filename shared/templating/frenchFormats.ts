import { onFirstUse } from '../onFirstUse.ts';

/**
 * French renderings of dates, amounts and lists for letters and notifications, as
 * `Intl` with the `fr-FR` locale produces them (narrow no-break spaces included), so a
 * letter reads like one written by hand. Pure: the designer's preview can use them too.
 * A value that is not what the format expects comes back as text, unchanged: a template
 * must not fail because an optional field was left blank.
 */

const PARIS = 'Europe/Paris';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Formatters made on first use (`onFirstUse`): the citizen's form page loads this
// module ahead of the review step that formats.

const dayMonthYear = (timeZone: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
const DATE_UTC = onFirstUse(() => dayMonthYear('UTC'));
const DATE_PARIS = onFirstUse(() => dayMonthYear(PARIS));
const HOUR_MINUTE_PARIS = onFirstUse(
  () =>
    new Intl.DateTimeFormat('fr-FR', {
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      timeZone: PARIS,
    }),
);
const EUROS = onFirstUse(
  () => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
);
const AND_LIST = onFirstUse(
  () => new Intl.ListFormat('fr-FR', { style: 'long', type: 'conjunction' }),
);

/**
 * A day in French: « 15 décembre 2026 », « 1er mars 2027 ». A bare `YYYY-MM-DD` (a form's
 * date field) is that calendar day; an instant is its day in Paris.
 *
 * @example
 * dateFr('2026-12-15'); // '15 décembre 2026'
 * dateFr('2026-12-31T23:30:00Z'); // '1er janvier 2027' (Paris is an hour ahead)
 */
export function dateFr(value: unknown): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(day.getTime()) ? value : withFirst(DATE_UTC(), day);
  }
  const instant = toInstant(value);
  return instant === null ? textOf(value) : withFirst(DATE_PARIS(), instant);
}

/**
 * An instant in French, Paris time: « 15 décembre 2026 à 10 h », « … à 10 h 30 ».
 *
 * @example
 * dateTimeFr('2026-12-15T09:30:00Z'); // '15 décembre 2026 à 10 h 30'
 */
export function dateTimeFr(value: unknown): string {
  // A form's date field has no time of day: saying « à 1 h » would be made up.
  if (typeof value === 'string' && DATE_ONLY.test(value)) return dateFr(value);
  const instant = toInstant(value);
  if (instant === null) return textOf(value);
  const parts = HOUR_MINUTE_PARIS().formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const time = minute === '00' ? `${hour} h` : `${hour} h ${minute}`;
  return `${withFirst(DATE_PARIS(), instant)} à ${time}`;
}

/**
 * An amount in euros, French style: « 45 000,00 € » (U+202F between thousands, U+00A0
 * before the sign, as `Intl.NumberFormat('fr-FR')` writes them).
 *
 * @example
 * montant(45000); // '45\u202f000,00\u00a0€'
 */
export function montant(value: unknown): string {
  const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return textOf(value);
  return EUROS().format(amount);
}

/**
 * A list the French way: « a, b et c ». Anything else comes back as text.
 *
 * @example
 * liste(['loyer', 'électricité', 'eau']); // 'loyer, électricité et eau'
 */
export function liste(value: unknown): string {
  if (!Array.isArray(value)) return textOf(value);
  return AND_LIST().format(value.filter((item) => item !== null && item !== undefined).map(String));
}

/** « 1 mars » is written « 1er mars » in French. */
function withFirst(format: Intl.DateTimeFormat, instant: Date): string {
  const parts = format.formatToParts(instant);
  return parts.map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

function toInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const instant = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
