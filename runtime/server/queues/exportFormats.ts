import { ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { exportQueueCsv } from './exportQueueCsv.ts';
import { exportQueueXlsx } from './exportQueueXlsx.ts';
import type { QueueServiceContext } from './listQueue.ts';
import type { QueueListQuery } from './queueInput.ts';

/** Where a format's writer puts its bytes; `write` resolves when more may follow. */
export interface ExportSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** The rows written so far, after each page: the durable export's progress. */
  progress(rows: number): Promise<void>;
}

/**
 * One export format: how its file is named and served, and the function that writes the
 * filtered queue into a sink. CSV streams one page at a time (bounded memory whatever the
 * size); XLSX builds its workbook in memory, so it keeps `MAX_XLSX_ROWS` and fails, in
 * French, above it (docs/SECURITY.md §120). The durable export (`performExport`) takes its
 * writer from here, so a format added to `EXPORT_FORMATS` can be asked for as a job.
 */
export interface ExportFormat {
  extension: string;
  contentType: string;
  write(
    ctx: QueueServiceContext,
    query: QueueListQuery,
    sink: ExportSink,
  ): Promise<Result<{ rows: number }, DomainError>>;
}

export const EXPORT_FORMATS = {
  csv: {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    write: (ctx, query, sink) =>
      exportQueueCsv(ctx, query, (chunk) => sink.write(chunk), sink.progress),
  },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: async (ctx, query, sink) => {
      const workbook = await exportQueueXlsx(ctx, query);
      if (!workbook.ok) return workbook;
      await sink.write(workbook.value.bytes);
      await sink.progress(workbook.value.rows);
      return ok({ rows: workbook.value.rows });
    },
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as [
  ExportFormatName,
  ...ExportFormatName[],
];
