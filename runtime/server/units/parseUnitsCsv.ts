import { parse } from 'csv-parse/sync';
import { err, ok, type Result } from '../../../shared/result.ts';
import { MAX_CSV_ROWS, MAX_UNIT_NAME, UNIT_CODE_PATTERN } from './unitInputs.ts';

/** One unit to create, read from line `line` of the file (1 is the header). */
export interface CsvUnit {
  line: number;
  code: string;
  name: string;
  parentCode: string | null;
}

/** What is wrong with one line, in French, for the admin to fix in the file. */
export interface CsvLineError {
  line: number;
  message: string;
}

const COLUMNS = ['code', 'nom', 'code_parent'] as const;

/**
 * Reads an organisation chart exported from a spreadsheet: a header `code,nom,code_parent`
 * (any order, any case; `;` or `,` separated, as French spreadsheets write either), then
 * one unit per line. Checks what can be checked without the database — the columns, each
 * code's format, names, codes repeated in the file — and reports every faulty line, not
 * just the first. A parse error (an unclosed quote) is reported on its line.
 *
 * @example
 * parseUnitsCsv('code;nom;code_parent\nccas;CCAS;\n') // ok([{ line: 2, code: 'ccas', name: 'CCAS', parentCode: null }])
 */
export function parseUnitsCsv(text: string): Result<CsvUnit[], CsvLineError[]> {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, each record comes as `{ record, info }` (the typings miss that case).
    records = parse(text, {
      bom: true,
      delimiter: [';', ','],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return err([{ line, message: 'Le fichier n’est pas un CSV lisible (guillemet non fermé ?).' }]);
  }
  const [header, ...rows] = records;
  if (!header) return err([{ line: 1, message: 'Le fichier est vide.' }]);
  const names = header.record.map((cell) => cell.toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)]));
  const missing = COLUMNS.filter((column) => index[column] === -1);
  if (missing.length > 0) {
    return err([
      {
        line: 1,
        message: `En-tête attendu : code, nom, code_parent. Colonne(s) manquante(s) : ${missing.join(', ')}.`,
      },
    ]);
  }
  if (rows.length === 0) return err([{ line: 2, message: 'Aucun service à importer.' }]);
  if (rows.length > MAX_CSV_ROWS) {
    return err([
      { line: MAX_CSV_ROWS + 2, message: `${MAX_CSV_ROWS} services au plus par fichier.` },
    ]);
  }
  const errors: CsvLineError[] = [];
  const units: CsvUnit[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: (typeof COLUMNS)[number]) => record[index[column]!] ?? '';
    const code = cell('code');
    const name = cell('nom');
    const parentCode = cell('code_parent');
    const problems: string[] = [];
    if (code === '') problems.push('le code est vide');
    else if (!UNIT_CODE_PATTERN.test(code)) problems.push(`le code « ${code} » est invalide`);
    if (name === '') problems.push('le nom est vide');
    else if (name.length > MAX_UNIT_NAME)
      problems.push(`le nom dépasse ${MAX_UNIT_NAME} caractères`);
    if (parentCode === code && code !== '')
      problems.push('un service ne peut pas être son propre parent');
    const earlier = firstLineOf.get(code);
    if (code !== '' && earlier !== undefined)
      problems.push(`le code « ${code} » figure déjà ligne ${earlier}`);
    else if (code !== '') firstLineOf.set(code, line);
    if (problems.length > 0) errors.push({ line, message: capitalise(`${problems.join(' ; ')}.`) });
    else units.push({ line, code, name, parentCode: parentCode === '' ? null : parentCode });
  }
  return errors.length > 0 ? err(errors) : ok(units);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
