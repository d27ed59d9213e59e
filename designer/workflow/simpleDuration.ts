/** The units the duration field offers, with the ISO 8601 designator each one writes. */
export const DURATION_UNITS = [
  { unit: 'H', label: 'heures', time: true },
  { unit: 'D', label: 'jours', time: false },
  { unit: 'W', label: 'semaines', time: false },
  { unit: 'M', label: 'mois', time: false },
  { unit: 'Y', label: 'ans', time: false },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]['unit'];

/** A duration as the field shows it: a whole number of one unit. */
export interface SimpleDuration {
  amount: number;
  unit: DurationUnit;
}

/**
 * Reads `P15D`, `P2W`, `P1M`, `P1Y`, `PT48H` as an amount and a unit; `null` for any
 * other duration (`P1Y2M`), which the field then shows as written.
 *
 * @example
 * simpleDurationOf('PT48H') // { amount: 48, unit: 'H' }
 */
export function simpleDurationOf(iso: string): SimpleDuration | null {
  const match = /^P(?:(\d+)([DWMY])|T(\d+)H)$/.exec(iso);
  if (!match) return null;
  if (match[3] !== undefined) return { amount: Number(match[3]), unit: 'H' };
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

/**
 * The ISO 8601 duration of an amount and a unit, or `undefined` for no (or no positive)
 * amount: a field left empty clears the delay.
 *
 * @example
 * isoOfSimpleDuration({ amount: 15, unit: 'D' }) // 'P15D'
 */
export function isoOfSimpleDuration({ amount, unit }: SimpleDuration): string | undefined {
  if (!Number.isInteger(amount) || amount <= 0) return undefined;
  return unit === 'H' ? `PT${amount}H` : `P${amount}${unit}`;
}

/**
 * A duration in French words for labels: « 30 jours », « 48 heures »; a composite one
 * as written.
 *
 * @example
 * describeDuration('P1M') // '1 mois'
 */
export function describeDuration(iso: string): string {
  const simple = simpleDurationOf(iso);
  if (!simple) return iso;
  const unit = DURATION_UNITS.find((candidate) => candidate.unit === simple.unit)!;
  return `${simple.amount} ${simple.amount === 1 ? SINGULAR[simple.unit] : unit.label}`;
}

const SINGULAR: Record<DurationUnit, string> = {
  H: 'heure',
  D: 'jour',
  W: 'semaine',
  M: 'mois',
  Y: 'an',
};
