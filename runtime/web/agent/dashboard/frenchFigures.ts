const NUMBER = new Intl.NumberFormat('fr-FR');
const DAYS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const SHORT_DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

const DAY_MS = 86_400_000;

/** A count in French: `12 345` (narrow no-break space). */
export function frenchCount(value: number): string {
  return NUMBER.format(value);
}

/**
 * A duration in days, one decimal at most; a dash when there is none.
 *
 * @example
 * frenchDays(1.5 * 86_400_000); // '1,5 jour'
 */
export function frenchDays(ms: number | null): string {
  if (ms === null) return '—';
  const days = ms / DAY_MS;
  return `${DAYS.format(days)} ${days >= 2 ? 'jours' : 'jour'}`;
}

/**
 * A calendar day (`YYYY-MM-DD`) in French words.
 *
 * @example
 * frenchDay('2026-03-01'); // '1 mars 2026'
 */
export function frenchDay(day: string): string {
  return DATE.format(new Date(`${day}T00:00:00Z`));
}

/**
 * Two calendar days as a short span, for a column header.
 *
 * @example
 * frenchSpan({ from: '2026-03-02', to: '2026-03-08' }); // '2 mars – 8 mars'
 */
export function frenchSpan(period: { from: string; to: string }): string {
  const day = (value: string) => SHORT_DATE.format(new Date(`${value}T00:00:00Z`));
  return `${day(period.from)} – ${day(period.to)}`;
}
