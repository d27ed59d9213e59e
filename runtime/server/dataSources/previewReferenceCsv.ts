import { parse } from 'csv-parse/sync';
import { type CsvLineError, parseReferenceCsv } from './referenceCsv.ts';

/** Lines of the file the studio shows before the admin confirms an import. */
export const PREVIEW_ROWS = 10;
/** Faulty lines listed; the count says how many there are in all. */
export const PREVIEW_ERRORS = 100;

export interface ReferenceCsvPreview {
  /** The header as written in the file. */
  header: string[];
  /** The first lines after the header, cell by cell, as the file has them. */
  firstRows: string[][];
  /** Entries the import would write (0 while a line is faulty: it imports all or nothing). */
  rowCount: number;
  errors: CsvLineError[];
  errorCount: number;
}

/**
 * What importing `text` would do, with nothing written: the first lines as the file has
 * them, and every faulty line with its reason (`parseReferenceCsv`, the import's own
 * reading), so the admin fixes the file before confirming.
 *
 * @example
 * previewReferenceCsv('code;libelle\n69123;Lyon\n;Sans code\n');
 * // { header: ['code', 'libelle'], firstRows: [['69123', 'Lyon'], ['', 'Sans code']], rowCount: 0, errors: [{ line: 3, … }], errorCount: 1 }
 */
export function previewReferenceCsv(text: string): ReferenceCsvPreview {
  const parsed = parseReferenceCsv(text);
  const [header = [], ...firstRows] = firstRecords(text);
  if (parsed.ok) {
    return { header, firstRows, rowCount: parsed.value.entries.length, errors: [], errorCount: 0 };
  }
  return {
    header,
    firstRows,
    rowCount: 0,
    errors: parsed.error.slice(0, PREVIEW_ERRORS),
    errorCount: parsed.error.length,
  };
}

/** The header and the first lines, read as the import reads them; none if unreadable. */
function firstRecords(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      delimiter: [';', ','],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to_line: PREVIEW_ROWS + 1,
    }) as string[][];
  } catch {
    return [];
  }
}
