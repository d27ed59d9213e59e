import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { fileTypeFromFile } from 'file-type';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  auditDenial,
  type DossierContext,
  loadDossier,
  payloadTooLarge,
} from '../dossiers/index.ts';
import { checkUpload, cleanFileName, maxBytesOf } from './attachmentPolicy.ts';
import type { AttachmentView } from './attachmentView.ts';
import { commitFile, temporaryPath } from './fileStore.ts';
import { receiveUpload } from './receiveUpload.ts';
import { recordAttachment, uploadableField } from './recordAttachment.ts';
import { storageFull, tenantStoredBytes } from './tenantStorage.ts';

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
  /** The tenant's attachments together may not pass this many bytes (507 past it). */
  storageCapBytes: number;
}

/**
 * Stores a file for a file field of a dossier the caller may edit now: checks access
 * and the field first (nothing is read for a dossier one cannot see, nor for a field
 * that takes no file), streams the body under the field's size cap while hashing it,
 * checks its type BY CONTENT against what the field accepts, moves it to
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
  const maxBytes = maxBytesOf(allowed.value.options);
  const tooLarge = besideField(payloadTooLarge('Le fichier', maxBytes), request.field);
  if (request.declaredBytes !== null && request.declaredBytes > maxBytes) return err(tooLarge);

  const used = await tenantStoredBytes(context.db, context.session.tenantId);
  const full = storageFull(request.storageCapBytes);
  if (used + (request.declaredBytes ?? 1) > request.storageCapBytes) return err(full);
  const received = await receiveUpload(request.body, await temporaryPath(root), maxBytes);
  if (received.kind === 'too-large') return err(tooLarge);
  if (received.kind === 'empty') return err(invalid('Le fichier est vide.'));
  if (used + received.size > request.storageCapBytes) {
    await rm(received.path, { force: true });
    return err(full);
  }
  const detected = await fileTypeFromFile(received.path);
  const mediaType = checkUpload(detected, {
    fileName,
    carriesMarkup: received.carriesMarkup,
    accept: allowed.value.options.accept,
  });
  if (!mediaType.ok) {
    await rm(received.path, { force: true });
    return err(besideField(mediaType.error, request.field));
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

/** The refusal with its message keyed by the field's path, where the form shows it. */
function besideField(error: DomainError, field: string): DomainError {
  return { ...error, fieldErrors: { [field.replaceAll('/', '.')]: [error.message] } };
}

function invalid(message: string): DomainError {
  return { code: 'INVALID_INPUT', message };
}
