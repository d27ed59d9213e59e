import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { attachments, tenantScope } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  auditDenial,
  type DossierContext,
  type DossierLoadError,
  loadDossier,
} from '../dossiers/index.ts';
import { storedPath } from './fileStore.ts';

export interface OpenedAttachment {
  path: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * Finds a file for download, authorised exactly like reading its dossier (applicant,
 * staff covering the unit): NOT_FOUND otherwise, as for a random id. A file the virus
 * scanner flagged is never served. A staff member's download is audited.
 *
 * @example
 * const opened = await openAttachment(context, root, { id });
 * if (opened.ok) createReadStream(opened.value.path).pipe(res);
 */
export async function openAttachment(
  context: DossierContext,
  root: string,
  input: { id: string },
): Promise<Result<OpenedAttachment, DomainError>> {
  const scope = tenantScope(context.session.tenantId);
  const [file] = await context.db
    .select()
    .from(attachments)
    .where(scope.where(attachments, eq(attachments.id, input.id)));
  if (file === undefined) return err({ code: 'NOT_FOUND', message: 'Ce fichier est introuvable.' });
  const loaded = await loadDossier(context.db, context.session, file.dossierId);
  if (!loaded.ok) {
    await auditDenial(context, file.dossierId, loaded.error);
    // `denied` travels on (never to the client): the route then writes no second row.
    const { denied } = loaded.error as DossierLoadError;
    return err({
      code: 'NOT_FOUND',
      message: 'Ce fichier est introuvable.',
      ...(denied ? { denied } : {}),
    });
  }
  if (file.scanStatus === 'infected') {
    return err({ code: 'FORBIDDEN', message: 'Ce fichier a été bloqué par l’antivirus.' });
  }
  // Never served before the scanner has answered (docs/SECURITY.md §16: pending is not safe).
  if (file.scanStatus === 'pending') {
    return err({
      code: 'SCAN_PENDING',
      message: 'Ce fichier est en cours d’analyse antivirus : réessayez dans quelques instants.',
    });
  }
  if (loaded.value.reader === 'staff') {
    await recordSessionAudit(context.db, context, {
      action: 'attachment.read',
      object: `attachment:${file.id}`,
      details: { dossierId: file.dossierId },
    });
  }
  return ok({
    path: storedPath(root, file.storageKey),
    fileName: file.fileName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
  });
}
