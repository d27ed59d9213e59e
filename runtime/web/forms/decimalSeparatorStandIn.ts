/**
 * @rjsf/utils' `getDecimalSeparator`, remembered per list of locales. RJSF's
 * NumberField asks for it at every render of every number field (and `getInputProps`,
 * `asNumber` at theirs), and each call built a new `Intl.NumberFormat`: about 30 ms of
 * a 900-field form's first render. vite.config.ts points @rjsf/utils' own import of
 * that module here, in the browser builds only. Same answers: the separator of the
 * first usable locale (`navigator.languages` by default), '.' when there is none.
 */
const separators = new Map<string, string>();

export default function getDecimalSeparator(languages?: string | readonly string[]): string {
  const locales = languages || (typeof navigator !== 'undefined' ? navigator.languages : undefined);
  if (!locales) return '.';
  const key = typeof locales === 'string' ? locales : locales.join(',');
  let separator = separators.get(key);
  if (separator === undefined) {
    separator = separatorOf(locales);
    separators.set(key, separator);
  }
  return separator;
}

function separatorOf(locales: string | readonly string[]): string {
  try {
    const parts = new Intl.NumberFormat(locales as string | string[]).formatToParts(1.1);
    return parts.find((part) => part.type === 'decimal')?.value || '.';
  } catch {
    return '.';
  }
}
