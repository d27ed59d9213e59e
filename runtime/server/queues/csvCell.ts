/** Excel and LibreOffice read a `;`-separated file as columns in a French locale. */
export const CSV_SEPARATOR = ';';
/** A byte order mark, so Excel reads the file as UTF-8 (accents intact). */
export const CSV_BOM = '\uFEFF';

// A cell a spreadsheet would read as a formula (or DDE call): = + - @, and tab or
// carriage return, which some read past before those (OWASP « CSV injection »).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, safe to open in a spreadsheet: a value starting like a formula gets a
 * leading apostrophe (shown as text, never evaluated: docs/SECURITY.md §74), and a value
 * holding the separator, a quote or a line break is quoted with its quotes doubled.
 *
 * @example
 * csvCell('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * csvCell('Dupont; Jean');           // '"Dupont; Jean"'
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * One CSV line (CRLF, as RFC 4180 and Excel expect).
 *
 * @example
 * csvLine(['Référence', 'État']); // 'Référence;État\r\n'
 */
export function csvLine(
  cells: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}
