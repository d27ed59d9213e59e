import type { Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { CSV_BOM, csvLine } from './csvCell.ts';
import type { ExportValue } from './formColumns.ts';
import type { QueueServiceContext } from './listQueue.ts';
import { queueExportRows } from './queueExportRows.ts';
import type { QueueListQuery } from './queueInput.ts';

/**
 * Writes a queue as CSV for a spreadsheet — UTF-8 with a byte order mark, `;`
 * separators, French headers, French dates and decimal commas, every cell formula-safe
 * (`csvCell`, docs/SECURITY.md §74) — page by page (`queueExportRows`: the viewer's
 * queue only, §73, with the form's fields as columns for one démarche). `write`
 * resolves when the chunk may be followed by the next (the HTTP answer's back-pressure).
 *
 * @example
 * await exportQueueCsv(ctx, queueListInput.parse({ states: ['depose'] }), (chunk) => send(chunk));
 */
export function exportQueueCsv(
  ctx: QueueServiceContext,
  query: QueueListQuery,
  write: (chunk: string) => Promise<void>,
  /** Told the rows written so far after each page (a durable export's progress). */
  progress?: (rows: number) => Promise<void>,
): Promise<Result<{ rows: number }, DomainError>> {
  let written = 0;
  return queueExportRows(ctx, query, {
    headers: (headers) => write(CSV_BOM + csvLine(headers)),
    rows: async (rows) => {
      await write(rows.map((row) => csvLine(row.map(csvText))).join(''));
      written += rows.length;
      await progress?.(written);
    },
  });
}

/** Dates as a French spreadsheet reads them, in UTC like the queue's due days. */
function csvText(value: ExportValue): string | null {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') return String(value).replace('.', ',');
  if ('day' in value) return value.day.toLocaleDateString('fr-FR', { timeZone: 'UTC' });
  return value.at.toLocaleString('fr-FR', {
    timeZone: 'UTC',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}
