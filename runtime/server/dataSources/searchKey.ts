/**
 * What a reference entry is searched by: its label then its code, lower-cased, without
 * accents, every run of punctuation or spaces turned into one space. A citizen typing
 * « st-étienne », « SAINT ETI » or « 42218 » finds « Saint-Étienne (42218) » by a plain
 * prefix or substring match, which a btree index serves on both drivers (no pg_trgm,
 * no `unaccent` extension: PGlite has neither).
 *
 * @example
 * searchKeyOf('Saint-Étienne', '42218'); // 'saint etienne 42218'
 * normaliseQuery('  St-ÉTI '); // 'st eti'
 */
export function searchKeyOf(label: string, code: string): string {
  return normaliseQuery(`${label} ${code}`);
}

export function normaliseQuery(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * `text` with the LIKE wildcards escaped: what the citizen typed is matched literally.
 * A normalised query holds letters, digits and spaces only, but a query is escaped
 * wherever it meets LIKE so no caller has to remember.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
