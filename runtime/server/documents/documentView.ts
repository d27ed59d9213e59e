import { isExpired } from '../../../shared/documents/index.ts';
import type { citizenDocuments, ScanStatus } from '../../db/index.ts';

/** A document of the safe as its owner's pages show it. */
export interface DocumentView {
  id: string;
  label: string;
  fileName: string;
  /** Detected from the content at upload. */
  mediaType: string;
  sizeBytes: number;
  /** `infected` documents are listed (so the citizen knows) but never attached again. */
  scanStatus: ScanStatus;
  /** `YYYY-MM-DD`, or null when none was given. */
  validUntil: string | null;
  /** Past its `validUntil` on `today` (Paris): flagged, never attached again. */
  expired: boolean;
  createdAt: string;
}

/**
 * @example
 * rows.map((row) => documentView(row, parisDate(now)));
 */
export function documentView(
  row: typeof citizenDocuments.$inferSelect,
  today: string,
): DocumentView {
  return {
    id: row.id,
    label: row.label,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    scanStatus: row.scanStatus,
    validUntil: row.validUntil,
    expired: isExpired(row.validUntil, today),
    createdAt: row.createdAt.toISOString(),
  };
}
