import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { fileTypeFromFile } from 'file-type';
import { err, ok, type Result } from '../../../shared/result.ts';
import { auditDenial } from '../dossiers/auditDenial.ts';
import type { DossierContext } from '../dossiers/dossierContext.ts';
import { payloadTooLarge } from '../dossiers/dossierErrors.ts';
import { loadDossier } from '../dossiers/loadDossier.ts';
import type { DomainError } from '../trpc/domainError.ts';
import { checkUpload, cleanFileName, maxBytesOf } from './attachmentPolicy.ts';
import type { AttachmentView } from './attachmentView.ts';
import { commitFile, temporaryPath } from './fileStore.ts';
import { receiveUpload } from './receiveUpload.ts';
import { recordAttachment, uploadableField } from './recordAttachment.ts';

export interface UploadRequest {
  dossierId: string;
  field: string;
  /** The name the client gave; cleaned, and its extension must match the content. */
  name: string;
  /** The raw request whose body is the file. */
  body: IncomingMessage;
  /** `Content-Length`, when the client sent one: an oversize file is refused unread. */
  declaredBytes: number | null;
  /** A virus scanner is configured: the file waits for it (`pending`). */
  scanning: boolean;
}

/**
 * Stores a file for a form field of a dossier the caller may edit now: checks access
 * and the field first (nothing is read for a dossier one cannot see), streams the body
 * under the field's size cap while hashing it, checks its type BY CONTENT, moves it to
 * its content address, then records it with an `attachment_added` event.
 *
 * @example
 * const stored = await uploadAttachment(context, root, {
 *   dossierId, field: 'justificatif', name: 'avis.pdf', body: req, declaredBytes: 52_311,
 * });
 */
export async function uploadAttachment(
  context: DossierContext,
  root: string,
  request: UploadRequest,
): Promise<Result<AttachmentView, DomainError>> {
  const fileName = cleanFileName(request.name);
  if (fileName === '') return err(invalid('Indiquez le nom du fichier.'));
  const loaded = await loadDossier(context.db, context.session, request.dossierId);
  if (!loaded.ok) {
    await auditDenial(context, request.dossierId, loaded.error);
    return err(loaded.error);
  }
  const allowed = uploadableField(loaded.value, context.session, request.field);
  if (!allowed.ok) return allowed;
  const maxBytes = maxBytesOf(loaded.value.published.definition.form.uiSchema, request.field);
  const tooLarge = payloadTooLarge('Le fichier', maxBytes);
  if (request.declaredBytes !== null && request.declaredBytes > maxBytes) return err(tooLarge);

  const received = await receiveUpload(request.body, await temporaryPath(root), maxBytes);
  if (received.kind === 'too-large') return err(tooLarge);
  if (received.kind === 'empty') return err(invalid('Le fichier est vide.'));
  const detected = await fileTypeFromFile(received.path);
  const mediaType = checkUpload(detected, fileName, received.head);
  if (!mediaType.ok) {
    await rm(received.path, { force: true });
    return mediaType;
  }
  const storageKey = await commitFile(root, received.path, received.sha256);
  const row = await recordAttachment(
    context,
    {
      dossierId: request.dossierId,
      field: request.field,
      fileName,
      mediaType: mediaType.value,
      sizeBytes: received.size,
      sha256: received.sha256,
      storageKey,
    },
    { scanning: request.scanning },
  );
  return row.ok ? ok(row.value) : row;
}

function invalid(message: string): DomainError {
  return { code: 'INVALID_INPUT', message };
}
