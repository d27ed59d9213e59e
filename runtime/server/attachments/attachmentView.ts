import type { ScanStatus } from '../../db/index.ts';

/** An uploaded file as the API describes it. */
export interface AttachmentView {
  id: string;
  dossierId: string;
  field: string | null;
  fileName: string;
  /** Detected from the content, never taken from the name or the browser. */
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  /**
   * `pending` until the virus scanner answers (not served meanwhile), then `clean` or
   * `infected` (never served); `not_scanned` when no scanner is configured.
   */
  scanStatus: ScanStatus;
}
