import type { Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { exportQueueCsv } from './exportQueueCsv.ts';
import type { QueueServiceContext } from './listQueue.ts';
import type { QueueListQuery } from './queueInput.ts';

/** Where a format's writer puts its bytes; `write` resolves when more may follow. */
export interface ExportSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** The rows written so far, after each page: the durable export's progress. */
  progress(rows: number): Promise<void>;
}

/**
 * One export format: how its file is named and served, and the function that streams the
 * filtered queue into a sink, one page at a time (bounded memory whatever the size). The
 * immediate download and the durable export (`performExport`) both take their writer from
 * here, so a format added to `EXPORT_FORMATS` works in both.
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
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as [
  ExportFormatName,
  ...ExportFormatName[],
];
