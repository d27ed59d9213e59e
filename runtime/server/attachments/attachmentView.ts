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
}
