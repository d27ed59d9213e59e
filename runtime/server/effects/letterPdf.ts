import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { dateFr } from '../../../shared/templating/index.ts';

/** What a letter says and who sends it; the body is the rendered template, plain text. */
export interface LetterContent {
  /** The tenant's name, at the head of the letter. */
  issuer: string;
  /** Address or contact lines under it, when the tenant has them. */
  issuerLines: readonly string[];
  demarcheTitle: string;
  /** The letter's date (the worker's clock), written in French, Paris day. */
  date: Date;
  reference: string;
  title: string;
  body: string;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 56;
const BODY_SIZE = 11;
const LINE = 15;
const GREY = rgb(0.35, 0.35, 0.35);

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
 * Lays a letter out as an A4 PDF: the tenant's letterhead (name, contact lines, the
 * démarche's title), the date and the reference, the title as the subject, then the
 * body, wrapped and continued on new pages. The same content and date give the same
 * bytes (fixed metadata, named font subsets), so the store keeps one copy.
 *
 * @example
 * const pdf = await letterPdf({ issuer: 'Mairie de Lyon', issuerLines: [], demarcheTitle: 'Aide sociale',
 *   date: new Date(), reference: 'AIDE-2026-000042', title: 'Notification d’accord', body: 'Madame, …' });
 */
export async function letterPdf(content: LetterContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true, customName: 'DejaVuSans' });
  const bold = await doc.embedFont(bytes.bold, { subset: true, customName: 'DejaVuSans-Bold' });
  doc.setTitle(`${content.title} — ${content.reference}`);
  doc.setAuthor(content.issuer);
  doc.setCreationDate(content.date);
  doc.setModificationDate(content.date);

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const write = (text: string, font: PDFFont, size: number, options: { right?: boolean } = {}) => {
    const x = options.right ? PAGE.width - MARGIN - font.widthOfTextAtSize(text, size) : MARGIN;
    page.drawText(text, { x, y, size, font, color: font === bold ? rgb(0, 0, 0) : GREY });
  };

  write(content.issuer, bold, 14);
  y -= 18;
  for (const line of [...content.issuerLines, content.demarcheTitle]) {
    write(line, regular, 9);
    y -= 12;
  }
  y -= 24;
  write(`Le ${dateFr(content.date)}`, regular, BODY_SIZE, { right: true });
  y -= LINE;
  write(`Référence : ${content.reference}`, regular, BODY_SIZE, { right: true });
  y -= LINE * 2;
  write(`Objet : ${content.title}`, bold, BODY_SIZE);
  y -= LINE * 2;

  for (const line of wrap(content.body, regular, PAGE.width - 2 * MARGIN)) {
    if (y < MARGIN) {
      page = newPage(doc);
      y = PAGE.height - MARGIN;
    }
    page.drawText(line, { x: MARGIN, y, size: BODY_SIZE, font: regular });
    y -= LINE;
  }
  return doc.save();
}

function newPage(doc: PDFDocument): PDFPage {
  return doc.addPage([PAGE.width, PAGE.height]);
}

/** Splits the body into lines that fit `width`, keeping its own line breaks. */
function wrap(body: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of body.replaceAll('\r\n', '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, BODY_SIZE) > width) {
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
