import { checkAgainstTree } from './importUnitsCsv.ts';
import type { CsvLineError, CsvUnit } from './parseUnitsCsv.ts';
import { parseUnitsCsv } from './parseUnitsCsv.ts';
import type { UnitContext } from './unitContext.ts';
import { unitsOf } from './unitQueries.ts';

export interface CsvPreview {
  /** The units the file would create, in file order (empty when the file is unreadable). */
  rows: CsvUnit[];
  /** Every faulty line and why, in French; the import would be refused while any is left. */
  problems: CsvLineError[];
}

/**
 * What importing `csv` would do, without writing anything: the same checks as
 * `importUnitsCsv` (the file's own, then against the tenant's units as they are now), so
 * the studio shows the admin each line before they confirm. The import checks again in
 * its own transaction: the tree may change between the preview and the import.
 *
 * @example
 * await previewUnitsCsv(context, { csv }); // { rows: [{ line: 2, code: 'pole', … }], problems: [] }
 */
export async function previewUnitsCsv(
  context: UnitContext,
  input: { csv: string },
): Promise<CsvPreview> {
  const parsed = parseUnitsCsv(input.csv);
  if (!parsed.ok) return { rows: [], problems: parsed.error.slice(0, 200) };
  const existing = await unitsOf(context.db, context.session.tenantId);
  return { rows: parsed.value, problems: checkAgainstTree(parsed.value, existing).slice(0, 200) };
}
