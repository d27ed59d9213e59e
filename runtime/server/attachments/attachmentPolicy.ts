import type { FileTypeResult } from 'file-type';
import {
  acceptsType,
  DETECTABLE_FILE_TYPES,
  describeAccept,
  type FileFieldOptions,
  MAX_ATTACHMENT_BYTES,
} from '../../../shared/form/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * Accepts an upload when its content is of a type the server recognises AND the field
 * accepts (`x-file.accept`, matched against the DETECTED type — neither the name nor the
 * declared Content-Type), its name carries an extension of that type (a PNG named `.pdf`
 * is refused: one of the two lies), and no HTML or SVG markup was found anywhere in it
 * (`receiveUpload` scans the whole file: a polyglot). Returns the media type to store
 * and serve.
 *
 * @example
 * checkUpload(await fileTypeFromFile(path), { fileName: 'avis.pdf', carriesMarkup: false, accept: ['application/pdf'] });
 * // { ok: true, value: 'application/pdf' }
 */
export function checkUpload(
  detected: FileTypeResult | undefined,
  file: { fileName: string; carriesMarkup: boolean; accept: readonly string[] | undefined },
): Result<string, DomainError> {
  const extensions = detected === undefined ? undefined : DETECTABLE_FILE_TYPES[detected.mime];
  if (
    detected === undefined ||
    extensions === undefined ||
    !acceptsType(file.accept, detected.mime)
  ) {
    return err(
      unsupported(
        `Ce type de fichier n’est pas accepté ici : envoyez un fichier ${describeAccept(file.accept)}.`,
      ),
    );
  }
  const extension = file.fileName.includes('.')
    ? file.fileName.split('.').pop()!.toLowerCase()
    : '';
  if (!extensions.includes(extension)) {
    return err(
      unsupported(
        `Le contenu du fichier ne correspond pas à son extension (fichier ${detected.ext.toUpperCase()} détecté).`,
      ),
    );
  }
  if (file.carriesMarkup)
    return err(unsupported('Ce fichier contient du code web : il est refusé.'));
  return ok(detected.mime);
}

/**
 * The cap of one file field: its `x-file.maxBytes` when smaller than the hard cap, else
 * the hard cap (docs/SECURITY.md §15; the linter refuses a larger one before publishing).
 *
 * @example
 * maxBytesOf({ accept: ['application/pdf'], maxBytes: 2_000_000 }); // 2000000
 */
export function maxBytesOf(options: FileFieldOptions): number {
  const asked = options.maxBytes;
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
