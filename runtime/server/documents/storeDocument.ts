import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { fileTypeFromFile } from 'file-type';
import { parisDate } from '../../../shared/expressions/index.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/form/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, citizenDocuments, type ScanStatus } from '../../db/index.ts';
import {
  checkUpload,
  cleanFileName,
  commitFile,
  receiveUpload,
  storageFull,
  storedPath,
  temporaryPath,
  tenantStoredBytes,
  type VirusScanner,
} from '../attachments/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { payloadTooLarge } from '../dossiers/index.ts';
import { documentErrors } from './documentErrors.ts';
import { tenantSafeBytes } from './documentQueries.ts';
import { type DocumentView, documentView } from './documentView.ts';

/** What a safe keeps: supporting documents are scans and photos. */
export const SAFE_ACCEPT = ['application/pdf', 'image/*'] as const;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface StoreRequest {
  /** The name the client gave; cleaned, and its extension must match the content. */
  name: string;
  /** What the citizen calls it: « Justificatif de domicile ». */
  label: string;
  /** `YYYY-MM-DD` or empty. */
  validUntil: string;
  body: IncomingMessage;
  declaredBytes: number | null;
  /** The virus scanner, when one is configured. */
  scanner: VirusScanner | null;
  storageCapBytes: number;
}

/**
 * Puts a file in the citizen's safe with the checks of an upload (docs/SECURITY.md §55):
 * streamed under the hard cap while hashed and scanned for markup, its type detected BY
 * CONTENT and matched with its extension (PDF or image), stored by content hash beside
 * attachments, within the tenant's storage cap. The virus scanner, when there is one,
 * is asked at once; if it cannot answer the document stays `pending` (a copy attached
 * to a dossier is then scanned like any upload).
 *
 * @example
 * const stored = await storeDocument({ db, session, now }, root, { name: 'edf.pdf', label: 'Justificatif de domicile', … });
 */
export async function storeDocument(
  context: { db: AppDatabase; session: SessionActor; now: Date },
  root: string,
  request: StoreRequest,
): Promise<Result<DocumentView, DomainError>> {
  const fileName = cleanFileName(request.name);
  if (fileName === '') return err(documentErrors.invalid('Indiquez le nom du fichier.'));
  const label = request.label.trim();
  if (label.length === 0 || label.length > 120) {
    return err(documentErrors.invalid('Donnez un nom au document (120 caractères au plus).'));
  }
  if (request.validUntil !== '' && !DATE.test(request.validUntil)) {
    return err(documentErrors.invalid('La date de validité doit être une date (AAAA-MM-JJ).'));
  }
  const tooLarge = payloadTooLarge('Le fichier', MAX_ATTACHMENT_BYTES);
  if (request.declaredBytes !== null && request.declaredBytes > MAX_ATTACHMENT_BYTES) {
    return err(tooLarge);
  }
  const tenantId = context.session.tenantId;
  const used =
    (await tenantStoredBytes(context.db, tenantId)) + (await tenantSafeBytes(context.db, tenantId));
  if (used + (request.declaredBytes ?? 1) > request.storageCapBytes) {
    return err(storageFull(request.storageCapBytes));
  }
  const received = await receiveUpload(
    request.body,
    await temporaryPath(root),
    MAX_ATTACHMENT_BYTES,
  );
  if (received.kind === 'too-large') return err(tooLarge);
  if (received.kind === 'empty') return err(documentErrors.invalid('Le fichier est vide.'));
  if (used + received.size > request.storageCapBytes) {
    await rm(received.path, { force: true });
    return err(storageFull(request.storageCapBytes));
  }
  const mediaType = checkUpload(await fileTypeFromFile(received.path), {
    fileName,
    carriesMarkup: received.carriesMarkup,
    accept: SAFE_ACCEPT,
  });
  if (!mediaType.ok) {
    await rm(received.path, { force: true });
    return mediaType;
  }
  const storageKey = await commitFile(root, received.path, received.sha256);
  const scanStatus = await scanNow(request.scanner, storedPath(root, received.sha256));
  const [row] = await context.db
    .insert(citizenDocuments)
    .values({
      tenantId,
      ownerId: context.session.userId,
      label,
      fileName,
      mediaType: mediaType.value,
      sizeBytes: received.size,
      sha256: received.sha256,
      storageKey,
      scanStatus,
      validUntil: request.validUntil === '' ? null : request.validUntil,
      createdAt: context.now,
    })
    .returning();
  return ok(documentView(row!, parisDate(context.now)));
}

async function scanNow(scanner: VirusScanner | null, path: string): Promise<ScanStatus> {
  if (scanner === null) return 'not_scanned';
  try {
    return (await scanner.scan(path)).infected ? 'infected' : 'clean';
  } catch {
    return 'pending';
  }
}
