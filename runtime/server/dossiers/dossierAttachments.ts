import { and, asc, eq } from 'drizzle-orm';
import type { AppDatabase, ScanStatus } from '../../db/index.ts';
import { attachments } from '../../db/index.ts';

/** A file attached to a dossier, as `get` lists it (download: `GET /api/attachments/:id`). */
export interface AttachmentSummary {
  id: string;
  field: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
  /** `infected` files are listed, flagged, and never served; `pending` ones not yet. */
  scanStatus: ScanStatus;
}

/**
 * The files of a dossier the caller may already read, oldest first, each with what the
 * virus scanner said (docs/SECURITY.md §16): an infected file stays listed, flagged, so the
 * applicant and the agents know it was blocked and why the piece is missing.
 *
 * @example
 * const files = await dossierAttachments(db, row.tenantId, row.id);
 */
export async function dossierAttachments(
  db: AppDatabase,
  tenantId: string,
  dossierId: string,
): Promise<AttachmentSummary[]> {
  const rows = await db
    .select({
      id: attachments.id,
      field: attachments.field,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
      scanStatus: attachments.scanStatus,
    })
    .from(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.dossierId, dossierId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return rows.map(({ createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() }));
}
