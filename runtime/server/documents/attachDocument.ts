import { fileTypeFromFile } from 'file-type';
import { isExpired } from '../../../shared/documents/index.ts';
import { parisDate } from '../../../shared/expressions/index.ts';
import { err, type Result } from '../../../shared/result.ts';
import {
  type AttachmentView,
  checkUpload,
  maxBytesOf,
  recordAttachment,
  storageFull,
  storedPath,
  tenantStoredBytes,
  uploadableField,
} from '../attachments/index.ts';
import type { DomainError } from '../core/domainError.ts';
import {
  auditDenial,
  type DossierContext,
  loadDossier,
  payloadTooLarge,
} from '../dossiers/index.ts';
import { documentErrors } from './documentErrors.ts';
import { ownDocument, tenantSafeBytes } from './documentQueries.ts';

export interface AttachInput {
  documentId: string;
  dossierId: string;
  /** The file field's path, as an upload names it (`justificatif`, `enfants/0/acte`). */
  field: string;
}

/**
 * Attaches a document of the caller's safe to a file field of a dossier they may edit
 * now, as an attachment of that field — with every check of an upload
 * (docs/SECURITY.md §56): the document must be the caller's own (another's, or another
 * tenant's, is NOT_FOUND as an unknown one), the dossier readable and the field a file
 * field editable in its state, the size under the field's cap, the type DETECTED again
 * from the stored content and accepted by the field, the tenant under its storage cap.
 * The attachment row points at the same stored content (no copy on disk) and, with a
 * virus scanner, is `pending` with its own scan job like any upload; an infected
 * document, or one past its validity date (today in Paris, docs/SECURITY.md §113), is
 * refused.
 *
 * @example
 * const attached = await attachDocument(context, root, { documentId, dossierId, field: 'justificatif' }, options);
 */
export async function attachDocument(
  context: DossierContext,
  root: string,
  input: AttachInput,
  options: { scanning: boolean; storageCapBytes: number },
): Promise<Result<AttachmentView, DomainError>> {
  const document = await ownDocument(context.db, context.session, input.documentId);
  if (document === null) return err(documentErrors.notFound());
  if (document.scanStatus === 'infected') return err(documentErrors.infected());
  if (isExpired(document.validUntil, parisDate(context.now))) {
    return err(besideField(documentErrors.expired(document.validUntil!), input.field));
  }
  const loaded = await loadDossier(context.db, context.session, input.dossierId);
  if (!loaded.ok) {
    await auditDenial(context, input.dossierId, loaded.error);
    return loaded;
  }
  const allowed = uploadableField(loaded.value, context.session, input.field);
  if (!allowed.ok) return allowed;
  const maxBytes = maxBytesOf(allowed.value.options);
  if (document.sizeBytes > maxBytes) {
    return err(besideField(payloadTooLarge('Ce document', maxBytes), input.field));
  }
  const detected = await fileTypeFromFile(storedPath(root, document.sha256));
  const mediaType = checkUpload(detected, {
    fileName: document.fileName,
    // The same bytes (content-addressed) passed the markup scan when they entered the safe.
    carriesMarkup: false,
    accept: allowed.value.options.accept,
  });
  if (!mediaType.ok) return err(besideField(mediaType.error, input.field));
  const tenantId = context.session.tenantId;
  const used =
    (await tenantStoredBytes(context.db, tenantId)) + (await tenantSafeBytes(context.db, tenantId));
  if (used + document.sizeBytes > options.storageCapBytes) {
    return err(storageFull(options.storageCapBytes));
  }
  return recordAttachment(
    context,
    {
      dossierId: input.dossierId,
      field: input.field,
      fileName: document.fileName,
      mediaType: mediaType.value,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
      storageKey: document.storageKey,
    },
    { scanning: options.scanning },
  );
}

function besideField(error: DomainError, field: string): DomainError {
  return { ...error, fieldErrors: { [field.replaceAll('/', '.')]: [error.message] } };
}
