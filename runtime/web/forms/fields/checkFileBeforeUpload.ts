import {
  acceptsType,
  DETECTABLE_FILE_TYPES,
  describeAccept,
  MAX_ATTACHMENT_BYTES,
} from '../../../../shared/form/fileTypes.ts';
import { onFirstUse } from '../../../../shared/onFirstUse.ts';

/**
 * Made on first use, not when the module loads: this module is on every form page (file
 * fields' help text), and the page's first formatter costs ~150 ms of main thread under
 * Lighthouse's mobile emulation (its locale data is loaded then), for a size few pages show.
 */
const sizes = onFirstUse(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }));

/** « 2 Mo », « 350 ko »: sizes as people read them. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${sizes().format(bytes / (1024 * 1024))} Mo`;
  if (bytes >= 1024) return `${sizes().format(bytes / 1024)} ko`;
  return `${bytes} octets`;
}

/** The type the browser guesses, else the one the name's extension says. */
function likelyType(file: { name: string; type: string }): string {
  if (file.type !== '') return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const found = Object.entries(DETECTABLE_FILE_TYPES).find(([, extensions]) =>
    extensions.includes(extension),
  );
  return found?.[0] ?? '';
}

/**
 * What is wrong with a file before it is sent, in French, or null: a type the field does
 * not take, a size over the field's cap (or the server's 10 Mo). Only a courtesy — the
 * server checks the type again from the content and refuses what lies about itself.
 *
 * @example
 * checkFileBeforeUpload({ name: 'avis.docx', type: '', size: 10 }, { accept: ['application/pdf'] });
 * // 'Ce type de fichier n’est pas accepté. Formats acceptés : PDF.'
 */
export function checkFileBeforeUpload(
  file: { name: string; type: string; size: number },
  options: { accept?: readonly string[] | undefined; maxBytes?: number | undefined },
): string | null {
  if (file.size === 0) return 'Le fichier est vide.';
  if (!acceptsType(options.accept, likelyType(file))) {
    return `Ce type de fichier n’est pas accepté. Formats acceptés : ${describeAccept(options.accept)}.`;
  }
  const cap = Math.min(options.maxBytes ?? MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES);
  if (file.size > cap) {
    return `Le fichier est trop volumineux (${describeSize(file.size)}) : ${describeSize(cap)} au maximum.`;
  }
  return null;
}
