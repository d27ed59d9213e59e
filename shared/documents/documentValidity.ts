// The dates module alone, not the expressions entry: the citizen app's first pages load
// this file, and the entry would bring the whole expression evaluator with it (~3 KB gz).
import { addMonths } from '../expressions/dates.ts';

/**
 * The kinds of supporting documents « Mes documents » knows, and how long each proves
 * something. `until`: the citizen types the end date printed on it (an identity card);
 * `months`: it counts from the date printed on it (a proof of address is accepted for
 * 3 months, a tax notice until the next one, a year later); `free`: any end date, or none.
 */
export const DOCUMENT_KINDS = {
  identite: { label: 'Pièce d’identité', validity: { kind: 'until' } },
  domicile: { label: 'Justificatif de domicile', validity: { kind: 'months', months: 3 } },
  impots: { label: 'Avis d’imposition', validity: { kind: 'months', months: 12 } },
  autre: { label: 'Autre document', validity: { kind: 'free' } },
} as const satisfies Record<string, { label: string; validity: DocumentValidityRule }>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export type DocumentValidityRule =
  | { kind: 'until' }
  | { kind: 'months'; months: number }
  | { kind: 'free' };

/**
 * The last day a document of `kind` is valid, from the date the citizen typed (`YYYY-MM-DD`:
 * the end date or the document's own date, as its rule says); null when nothing was typed
 * or the date is not one.
 *
 * @example
 * validUntilFor('domicile', '2026-01-15'); // '2026-04-15'
 * validUntilFor('identite', '2031-06-30'); // '2031-06-30'
 */
export function validUntilFor(kind: DocumentKind, typed: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(typed)) return null;
  const rule: DocumentValidityRule = DOCUMENT_KINDS[kind].validity;
  if (rule.kind !== 'months') return addMonths(typed, 0);
  return addMonths(typed, rule.months);
}

/**
 * Whether a document valid through `validUntil` (inclusive) is out of date on `today`
 * (both `YYYY-MM-DD`, today in Paris: `parisDate`). No end date: never.
 *
 * @example
 * isExpired('2026-03-01', '2026-03-02'); // true
 * isExpired('2026-03-02', '2026-03-02'); // false: valid through that day
 */
export function isExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}
