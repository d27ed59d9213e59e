/**
 * Common checks offered in plain words for a text answer, each with its pattern
 * (RE2-compatible: the form dialect runs patterns on RE2, linear in the answer's length).
 */
export const TEXT_PATTERNS: ReadonlyArray<{ id: string; label: string; pattern: string }> = [
  {
    id: 'lettres',
    label: 'Lettres, espaces, apostrophes et tirets uniquement',
    pattern: "^[A-Za-zÀ-ÖØ-öø-ÿ' -]+$",
  },
  { id: 'chiffres', label: 'Chiffres uniquement', pattern: '^[0-9]+$' },
  { id: 'fiscal', label: 'Numéro fiscal (13 chiffres)', pattern: '^[0-9]{13}$' },
  { id: 'secu', label: 'Numéro de sécurité sociale (15 chiffres)', pattern: '^[12][0-9]{14}$' },
  {
    id: 'immatriculation',
    label: 'Immatriculation (AA-123-AA)',
    pattern: '^[A-Z]{2}-[0-9]{3}-[A-Z]{2}$',
  },
];

/** The preset a pattern is, or undefined for a pattern written by hand (JSON tab). */
export function presetOfPattern(pattern: unknown): (typeof TEXT_PATTERNS)[number] | undefined {
  return TEXT_PATTERNS.find((preset) => preset.pattern === pattern);
}

/**
 * A schema with one keyword set, or removed when `value` is undefined (an emptied box).
 *
 * @example
 * withKeyword({ type: 'string' }, 'maxLength', 50); // { type: 'string', maxLength: 50 }
 */
export function withKeyword(
  schema: Record<string, unknown>,
  keyword: string,
  value: unknown,
): Record<string, unknown> {
  const next = { ...schema };
  if (value === undefined) delete next[keyword];
  else next[keyword] = value;
  return next;
}

/** A number typed in a box: undefined when empty or not a finite number. */
export function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}
