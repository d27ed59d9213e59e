import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';

/** A4 in points, and the margin every document the server lays out keeps. */
export const A4: { readonly width: number; readonly height: number; readonly margin: number } = {
  width: 595.28,
  height: 841.89,
  margin: 56,
};

// DejaVu (free licence, shipped by the dejavu-fonts-ttf package): the standard PDF fonts
// cannot encode œ, € or the narrow no-break space that French amounts use.
const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function fontBytes() {
  fonts ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/**
 * A new PDF (pdf-lib) with DejaVu regular and bold embedded as named subsets and fixed
 * metadata, so the same content and date give the same bytes (letters are stored once
 * by their hash).
 *
 * @example
 * const { doc, regular, bold } = await openA4Document({ title: 'Accusé', author: 'Mairie', date });
 */
export async function openA4Document(meta: {
  title: string;
  author: string;
  date: Date;
  language?: string;
}): Promise<{ doc: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true, customName: 'DejaVuSans' });
  const bold = await doc.embedFont(bytes.bold, { subset: true, customName: 'DejaVuSans-Bold' });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  if (meta.language) doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return { doc, regular, bold };
}

/**
 * Splits text into lines that fit `width` at `size`, keeping its own line breaks.
 *
 * @example
 * wrapText('Madame, Monsieur,\nVotre demande…', regular, 11, 480);
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replaceAll('\r\n', '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}
