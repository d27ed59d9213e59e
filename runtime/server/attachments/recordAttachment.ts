import { type FileFieldDeclaration, fileFieldAt } from '../../../shared/form/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { attachments, dossierEvents } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import {
  canEdit,
  type DossierContext,
  editableFields,
  inTransaction,
  type LoadedDossier,
  loadDossier,
} from '../dossiers/index.ts';
import type { AttachmentView } from './attachmentView.ts';
import { enqueueAttachmentScan } from './scanAttachment.ts';

/**
 * The file field the caller may attach a file to now: `field` must name a file field of
 * the form (`x-file`) — a path such as `enfants/0/certificat` inside a repeated group —
 * whose top-level field they may edit in the dossier's current state (the same rule as
 * `saveDraft`). An ordinary field or a path the schema does not have is refused: a file
 * is only ever stored for a file field.
 *
 * @example
 * const field = uploadableField(loaded, session, 'enfants/0/certificat');
 * if (field.ok) maxBytesOf(field.value.options);
 */
export function uploadableField(
  loaded: LoadedDossier,
  session: SessionActor,
  field: string,
): Result<FileFieldDeclaration, DomainError> {
  const declaration = fileFieldAt(loaded.published.definition.form.schema, field);
  if (declaration === null) {
    return err({
      code: 'INVALID_INPUT',
      message: 'Ce champ du formulaire n’existe pas ou n’attend pas de fichier.',
      fieldErrors: { [field.replaceAll('/', '.')]: ['Ce champ n’attend pas de fichier.'] },
    });
  }
  const topLevel = field.split('/')[0]!;
  if (!canEdit(editableFields(loaded.state, session, loaded.row.applicantId), topLevel)) {
    return err({
      code: 'FIELD_NOT_EDITABLE',
      message: 'Vous ne pouvez pas joindre de fichier à ce champ à cette étape.',
    });
  }
  return ok(declaration);
}

/**
 * Records a stored file: the `attachments` row and the `attachment_added` event, in one
 * transaction holding the dossier's row lock, after checking again that the field is
 * still editable (the dossier may have been submitted while the file was uploading).
 * With a virus scanner (`scanning`), the file is `pending` and its scan job is written in
 * the same transaction (docs/SECURITY.md §16); without one it is `not_scanned`.
 *
 * @example
 * await recordAttachment(context, { dossierId, field, fileName, mediaType, sizeBytes, sha256, storageKey }, { scanning: true });
 */
export async function recordAttachment(
  context: DossierContext,
  file: Omit<AttachmentView, 'id' | 'createdAt' | 'scanStatus'> & { storageKey: string },
  options: { scanning: boolean },
): Promise<Result<AttachmentView, DomainError>> {
  return inTransaction(context.db, async (tx) => {
    const loaded = await loadDossier(tx, context.session, file.dossierId, { forUpdate: true });
    if (!loaded.ok) return loaded;
    const allowed = uploadableField(loaded.value, context.session, file.field ?? '');
    if (!allowed.ok) return allowed;
    const tenantId = context.session.tenantId;
    const [row] = await tx
      .insert(attachments)
      .values({
        tenantId,
        ...file,
        uploadedBy: context.session.userId,
        createdAt: context.now,
        scanStatus: options.scanning ? 'pending' : 'not_scanned',
      })
      .returning();
    if (options.scanning) await enqueueAttachmentScan(tx, { tenantId, attachmentId: row!.id });
    await tx.insert(dossierEvents).values({
      tenantId,
      dossierId: file.dossierId,
      type: 'attachment_added',
      actorId: context.session.userId,
      at: context.now,
      payload: {
        attachmentId: row!.id,
        field: file.field,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
      },
      requestId: context.requestId,
    });
    return ok({
      id: row!.id,
      dossierId: row!.dossierId,
      field: row!.field,
      fileName: row!.fileName,
      mediaType: row!.mediaType,
      sizeBytes: row!.sizeBytes,
      sha256: row!.sha256,
      createdAt: row!.createdAt.toISOString(),
      scanStatus: row!.scanStatus,
    });
  });
}
