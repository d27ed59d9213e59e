/**
 * The tracking code of a `#code=…` fragment, or null.
 *
 * @example
 * codeFromHash('#code=7KQ2-M9XD'); // '7KQ2-M9XD'
 */
export function codeFromHash(hash: string): string | null {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim();
  return code ? code.slice(0, 120) : null;
}
