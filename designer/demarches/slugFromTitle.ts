/** Longest identifier the server accepts (demarcheInputs: 80 characters). */
const MAX_SLUG_LENGTH = 80;

/**
 * A démarche identifier proposed from its title: lower case, accents dropped, words
 * joined by dashes (the format's `SLUG_PATTERN`). The admin can change it before creating.
 *
 * @example
 * slugFromTitle('Carte de résident — 2026'); // 'carte-de-resident-2026'
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}
