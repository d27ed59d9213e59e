/**
 * Hard cap of any uploaded file, whatever a field's `x-file.maxBytes` asks
 * (docs/SECURITY.md §15). Shared so the linter can refuse a larger `maxBytes` before
 * publishing instead of the server silently capping it.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The types the server recognises BY CONTENT (`file-type`), with the file-name extensions
 * each may carry. Everything else — HTML, SVG (scriptable), executables, archives, office
 * files with macros — is refused at upload, so an `accept` naming anything else could
 * never be satisfied.
 */
export const DETECTABLE_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
};

/**
 * Whether a media type detected from a file's content matches one entry of a field's
 * `accept` list: an exact type (`application/pdf`) or a family (`image/*`). A field that
 * declares no `accept` takes every detectable type.
 *
 * @example
 * acceptsType(['application/pdf'], 'image/png'); // false
 * acceptsType(['image/*'], 'image/png'); // true
 */
export function acceptsType(accept: readonly string[] | undefined, mediaType: string): boolean {
  if (accept === undefined) return Object.hasOwn(DETECTABLE_FILE_TYPES, mediaType);
  return accept.some((entry) => matches(entry, mediaType));
}

/**
 * The detectable types an `accept` entry lets in: empty when the server could never
 * recognise such a file (`application/msword`, `text/*`).
 *
 * @example
 * detectableTypesOf('image/*'); // ['image/png', 'image/jpeg', 'image/webp']
 */
export function detectableTypesOf(entry: string): string[] {
  return Object.keys(DETECTABLE_FILE_TYPES).filter((type) => matches(entry, type));
}

/**
 * The types an `accept` list names, in French for a message: « PDF, PNG ».
 *
 * @example
 * describeAccept(['application/pdf', 'image/*']); // 'PDF, PNG, JPEG, WEBP'
 */
export function describeAccept(accept: readonly string[] | undefined): string {
  const types =
    accept === undefined ? Object.keys(DETECTABLE_FILE_TYPES) : accept.flatMap(detectableTypesOf);
  return [...new Set(types)].map((type) => type.split('/')[1]!.toUpperCase()).join(', ');
}

function matches(entry: string, mediaType: string): boolean {
  const lower = entry.toLowerCase();
  if (lower.endsWith('/*')) return mediaType.startsWith(lower.slice(0, -1));
  return lower === mediaType;
}
