/** Types a browser shows without running anything of the file's: no SVG, no HTML. */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * Whether a file may be previewed inline, and how: only when its type (detected from
 * the content by the server at upload) is a PDF or a raster image, and the virus
 * scanner did not flag it or hold it back.
 *
 * @example
 * previewKindOf({ mediaType: 'application/pdf', scanStatus: 'clean' }); // 'pdf'
 * previewKindOf({ mediaType: 'image/svg+xml', scanStatus: 'clean' });   // null
 */
export function previewKindOf(file: {
  mediaType: string;
  scanStatus: string;
}): 'pdf' | 'image' | null {
  if (file.scanStatus !== 'clean' && file.scanStatus !== 'not_scanned') return null;
  if (file.mediaType === 'application/pdf') return 'pdf';
  return IMAGES.has(file.mediaType) ? 'image' : null;
}
