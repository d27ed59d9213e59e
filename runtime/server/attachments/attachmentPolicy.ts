import type { FileTypeResult } from 'file-type';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../trpc/domainError.ts';

/** Hard cap of any upload, whatever a démarche's UI schema asks (SECURITY §15). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * What may be uploaded, by type DETECTED FROM THE CONTENT, with the file-name extensions
 * each may carry. Everything else — HTML, SVG (scriptable), executables, archives,
 * office files with macros — is refused.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
};

// Markup a browser would sniff as a page within the first bytes. A file that starts as a
// PDF or an image but carries these early is a polyglot: refused even though it is
// always served as a download with `nosniff`.
const MARKUP = /<(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed)[\s>/]/i;
const SNIFF_BYTES = 1024;

/**
 * Accepts an upload when its content is of an allowed type, its name carries an
 * extension of that type (a PNG named `.pdf` is refused: one of the two lies), and its
 * first kilobyte holds no HTML or SVG markup. Returns the media type to store and serve.
 *
 * @example
 * checkUpload(await fileTypeFromFile(path), 'avis.pdf', head);
 * // { ok: true, value: 'application/pdf' }
 */
export function checkUpload(
  detected: FileTypeResult | undefined,
  fileName: string,
  head: Uint8Array,
): Result<string, DomainError> {
  const extensions = detected === undefined ? undefined : ALLOWED[detected.mime];
  if (detected === undefined || extensions === undefined) {
    return err(
      unsupported(
        'Ce type de fichier n’est pas accepté : envoyez un PDF, un PNG, un JPEG ou un WebP.',
      ),
    );
  }
  const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (!extensions.includes(extension)) {
    return err(
      unsupported(
        `Le contenu du fichier ne correspond pas à son extension (fichier ${detected.ext.toUpperCase()} détecté).`,
      ),
    );
  }
  const start = Buffer.from(head.subarray(0, SNIFF_BYTES)).toString('latin1');
  if (MARKUP.test(start))
    return err(unsupported('Ce fichier contient du code web : il est refusé.'));
  return ok(detected.mime);
}

/**
 * The cap of one field: `ui:options.maxBytes` in the démarche's UI schema when smaller
 * than the hard cap, else the hard cap.
 *
 * @example
 * maxBytesOf({ justificatif: { 'ui:options': { maxBytes: 2_000_000 } } }, 'justificatif'); // 2000000
 */
export function maxBytesOf(uiSchema: Record<string, unknown> | undefined, field: string): number {
  const fieldUi = uiSchema?.[field];
  const options =
    typeof fieldUi === 'object' && fieldUi !== null
      ? (fieldUi as Record<string, unknown>)['ui:options']
      : undefined;
  const asked =
    typeof options === 'object' && options !== null
      ? (options as Record<string, unknown>)['maxBytes']
      : undefined;
  return typeof asked === 'number' && asked > 0 && asked < MAX_ATTACHMENT_BYTES
    ? asked
    : MAX_ATTACHMENT_BYTES;
}

/**
 * A file name safe to store and to put back in a header: the last path segment, without
 * control characters, at most 200 characters. Empty when nothing usable is left.
 *
 * @example
 * cleanFileName('../../etc/passwd\u0000.pdf'); // 'passwd.pdf'
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const printable = [...last].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f);
  return printable.join('').trim().slice(0, 200);
}

function unsupported(message: string): DomainError {
  return { code: 'UNSUPPORTED_MEDIA_TYPE', message };
}
