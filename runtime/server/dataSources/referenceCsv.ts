import { parse } from 'csv-parse/sync';
import { err, ok, type Result } from '../../../shared/result.ts';

/** One entry of a reference table, read from line `line` of the file (1 is the header). */
export interface ReferenceEntry {
  code: string;
  label: string;
  /** The other columns of the line, by header name. */
  extra: Record<string, string>;
}

/** What is wrong with one line, in French, for the admin to fix in the file. */
export interface CsvLineError {
  line: number;
  message: string;
}

export interface ParsedReferenceCsv {
  entries: ReferenceEntry[];
  /** Header names beyond `code` and `libelle`, in file order. */
  extraColumns: string[];
}

/** The whole French commune list (≈ 35,000) with room for streets of a large city. */
export const MAX_REFERENCE_ROWS = 100_000;
export const MAX_REFERENCE_CODE = 64;
export const MAX_REFERENCE_LABEL = 300;
export const MAX_EXTRA_COLUMNS = 10;
const LABEL_HEADERS = ['libelle', 'libellé', 'label', 'nom'];
const EXTRA_HEADER = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Reads a reference table exported from a spreadsheet: a header with `code` and
 * `libelle` (or `libellé`, `label`, `nom`; any case; `;` or `,` separated), up to ten
 * more columns kept as extras (`code_postal`, `departement`), then one entry per line.
 * Every faulty line is reported, not just the first: an empty code or label, a code
 * repeated in the file, a value too long.
 *
 * @example
 * parseReferenceCsv('code;libelle;code_postal\n69123;Lyon;69001\n');
 * // ok({ entries: [{ code: '69123', label: 'Lyon', extra: { code_postal: '69001' } }], extraColumns: ['code_postal'] })
 */
export function parseReferenceCsv(text: string): Result<ParsedReferenceCsv, CsvLineError[]> {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [';', ','],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return err([{ line, message: 'Le fichier n’est pas un CSV lisible (guillemet non fermé ?).' }]);
  }
  const [header, ...rows] = records;
  if (!header) return err([{ line: 1, message: 'Le fichier est vide.' }]);
  const names = header.map((cell) => cell.toLowerCase());
  const codeAt = names.indexOf('code');
  const labelAt = names.findIndex((name) => LABEL_HEADERS.includes(name));
  if (codeAt === -1 || labelAt === -1) {
    return err([
      { line: 1, message: 'En-tête attendu : code, libelle, puis les colonnes de votre choix.' },
    ]);
  }
  const extras = names.flatMap((name, at) =>
    at === codeAt || at === labelAt ? [] : [{ name, at }],
  );
  const badHeader = extras.find((column) => !EXTRA_HEADER.test(column.name));
  if (badHeader) {
    return err([
      {
        line: 1,
        message: `La colonne « ${badHeader.name} » doit s’écrire en minuscules sans accent ni espace (ex. code_postal).`,
      },
    ]);
  }
  if (extras.length > MAX_EXTRA_COLUMNS) {
    return err([{ line: 1, message: `${MAX_EXTRA_COLUMNS} colonnes supplémentaires au plus.` }]);
  }
  if (rows.length === 0) return err([{ line: 2, message: 'Aucune ligne à importer.' }]);
  if (rows.length > MAX_REFERENCE_ROWS) {
    return err([
      { line: MAX_REFERENCE_ROWS + 2, message: `${MAX_REFERENCE_ROWS} lignes au plus.` },
    ]);
  }
  const errors: CsvLineError[] = [];
  const entries: ReferenceEntry[] = [];
  const firstLineOf = new Map<string, number>();
  // Without `info`, lines are counted from the records: skipped empty lines shift it, a
  // price worth paying — `info` costs a third of the parse on 35,000 lines.
  rows.forEach((record, index) => {
    const line = index + 2;
    const code = record[codeAt] ?? '';
    const label = record[labelAt] ?? '';
    const problems: string[] = [];
    if (code === '') problems.push('le code est vide');
    else if (code.length > MAX_REFERENCE_CODE)
      problems.push(`le code dépasse ${MAX_REFERENCE_CODE} caractères`);
    if (label === '') problems.push('le libellé est vide');
    else if (label.length > MAX_REFERENCE_LABEL)
      problems.push(`le libellé dépasse ${MAX_REFERENCE_LABEL} caractères`);
    const earlier = firstLineOf.get(code);
    if (code !== '' && earlier !== undefined)
      problems.push(`le code « ${code} » figure déjà ligne ${earlier}`);
    else if (code !== '') firstLineOf.set(code, line);
    if (problems.length > 0) {
      errors.push({ line, message: capitalise(`${problems.join(' ; ')}.`) });
      return;
    }
    const extra: Record<string, string> = {};
    for (const column of extras) {
      const value = record[column.at] ?? '';
      if (value !== '') extra[column.name] = value.slice(0, MAX_REFERENCE_LABEL);
    }
    entries.push({ code, label, extra });
  });
  if (errors.length > 0) return err(errors);
  return ok({ entries, extraColumns: extras.map((column) => column.name) });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
