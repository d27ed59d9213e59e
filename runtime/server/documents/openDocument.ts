import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { storedPath } from '../attachments/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { documentErrors } from './documentErrors.ts';
import { ownDocument } from './documentQueries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OpenedDocument {
  path: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * Finds a document of the caller's own safe for download (docs/SECURITY.md §112):
 * another citizen's, another tenant's, a malformed or unknown id are one and the same
 * NOT_FOUND; a document the virus scanner flagged is never served, nor one it has not
 * answered for yet (§16).
 *
 * @example
 * const opened = await openDocument(db, session, root, id);
 * if (opened.ok) createReadStream(opened.value.path).pipe(res);
 */
export async function openDocument(
  db: AppDatabase,
  session: SessionActor,
  root: string,
  id: string,
): Promise<Result<OpenedDocument, DomainError>> {
  const document = UUID.test(id) ? await ownDocument(db, session, id) : null;
  if (document === null) return err(documentErrors.notFound());
  if (document.scanStatus === 'infected') {
    return err({ code: 'FORBIDDEN', message: 'Ce document a été bloqué par l’antivirus.' });
  }
  if (document.scanStatus === 'pending') {
    return err({
      code: 'SCAN_PENDING',
      message: 'Ce document est en cours d’analyse antivirus : réessayez dans quelques instants.',
    });
  }
  return ok({
    path: storedPath(root, document.storageKey),
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
  });
}
