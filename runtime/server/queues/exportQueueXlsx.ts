import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import type { ExportValue } from './formColumns.ts';
import type { QueueServiceContext } from './listQueue.ts';
import { queueExportRows } from './queueExportRows.ts';
import type { QueueListQuery } from './queueInput.ts';

/**
 * The most rows an XLSX export holds: the workbook is built in memory before it is
 * zipped, so its size is bounded here (about 10 MB of cells); a larger queue is
 * filtered first or exported as CSV, which streams.
 */
export const MAX_XLSX_ROWS = 10_000;

class TooManyRows extends Error {}

/**
 * A queue as an Excel workbook (one sheet, « Dossiers »), the same rows and columns as
 * the CSV export (`queueExportRows`: the viewer's queue only, docs/SECURITY.md §73, the
 * form's fields as columns for one démarche) with real cell types: numbers as numbers,
 * days and instants as dates shown the French way. Every text cell is typed as a string,
 * so no answer is ever read as a formula (§120). Above `MAX_XLSX_ROWS` it stops reading
 * (`maxRows`) and answers EXPORT_TOO_LARGE.
 *
 * @example
 * const workbook = await exportQueueXlsx(ctx, query); // ok({ bytes, rows: 42 })
 */
export async function exportQueueXlsx(
  ctx: QueueServiceContext,
  query: QueueListQuery,
  maxRows = MAX_XLSX_ROWS,
): Promise<Result<{ bytes: Buffer; rows: number }, DomainError>> {
  const sheet: Cell[][] = [];
  let widths: number[] = [];
  try {
    const read = await queueExportRows(ctx, query, {
      headers: async (headers) => {
        sheet.push(headers.map((header) => ({ value: header, type: String, fontWeight: 'bold' })));
        widths = headers.map((header) => Math.min(Math.max(header.length + 2, 12), 40));
      },
      rows: async (rows) => {
        if (sheet.length - 1 + rows.length > maxRows) throw new TooManyRows();
        for (const row of rows) sheet.push(row.map(xlsxCell));
      },
    });
    if (!read.ok) return read;
    const bytes = await writeXlsxFile(sheet, {
      sheet: 'Dossiers',
      columns: widths.map((width) => ({ width })),
      stickyRowsCount: 1,
    }).toBuffer();
    return ok({ bytes, rows: read.value.rows });
  } catch (error) {
    if (!(error instanceof TooManyRows)) throw error;
    return err({
      code: 'EXPORT_TOO_LARGE',
      message: `Cette file compte plus de ${maxRows.toLocaleString('fr-FR')} dossiers : filtrez-la ou exportez-la en CSV.`,
    });
  }
}

function xlsxCell(value: ExportValue): Cell {
  if (value === null) return null;
  if (typeof value === 'string') return { value, type: String };
  if (typeof value === 'number') return { value, type: Number };
  if ('day' in value) return { value: value.day, type: Date, format: 'dd/mm/yyyy' };
  return { value: value.at, type: Date, format: 'dd/mm/yyyy hh:mm' };
}
