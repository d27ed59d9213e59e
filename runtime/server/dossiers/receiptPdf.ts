import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { dateTimeFr } from '../../../shared/templating/index.ts';
import type { ReceiptLine } from './receiptAnswers.ts';

/** What an accusé de réception states. */
export interface ReceiptContent {
  tenantName: string;
  demarcheTitle: string;
  reference: string;
  submittedAt: Date;
  lines: ReceiptLine[];
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 56;
const SIZE = 10;
const LINE = 14;
const LABEL_WIDTH = 190;
const GREY = rgb(0.3, 0.3, 0.3);

// DejaVu, as for letters (effects/letterPdf.ts): the standard PDF fonts cannot encode
// œ, € or the narrow no-break space of French numbers.
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
 * Lays out a dossier's accusé de réception as an A4 PDF (pdf-lib, like letters): the
 * tenant's name, the title, the démarche, the reference, the date and time of submission
 * in French (Paris time), then each answer as label and value, wrapped and continued on
 * new pages. Made on request, never stored: the dossier is the record.
 *
 * @example
 * const pdf = await receiptPdf({ tenantName: 'Mairie de Lyon', demarcheTitle: 'Aide sociale',
 *   reference: 'AIDE-2026-000042', submittedAt: new Date(), lines: [{ label: 'Nom', value: 'Martin' }] });
 */
export async function receiptPdf(content: ReceiptContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const bytes = await fontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true, customName: 'DejaVuSans' });
  const bold = await doc.embedFont(bytes.bold, { subset: true, customName: 'DejaVuSans-Bold' });
  doc.setTitle(`Accusé de réception — ${content.reference}`);
  doc.setAuthor(content.tenantName);
  doc.setLanguage('fr-FR');
  doc.setCreationDate(content.submittedAt);
  doc.setModificationDate(content.submittedAt);

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const nextLine = (height: number) => {
    y -= height;
    if (y < MARGIN) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN;
    }
  };
  const write = (text: string, font: PDFFont, size: number, x = MARGIN) =>
    page.drawText(text, { x, y, size, font, color: font === bold ? rgb(0, 0, 0) : GREY });

  write(content.tenantName, bold, 14);
  nextLine(28);
  write('Accusé de réception', bold, 18);
  nextLine(24);
  for (const line of wrap(content.demarcheTitle, regular, 12, PAGE.width - 2 * MARGIN)) {
    write(line, regular, 12);
    nextLine(16);
  }
  nextLine(8);
  write(`Référence du dossier : ${content.reference}`, bold, SIZE + 1);
  nextLine(LINE + 2);
  write(`Déposé le ${dateTimeFr(content.submittedAt)} (heure de Paris)`, regular, SIZE + 1);
  nextLine(LINE * 2);
  write('Vos réponses', bold, 12);
  nextLine(LINE + 6);

  const valueX = MARGIN + LABEL_WIDTH + 10;
  const valueWidth = PAGE.width - MARGIN - valueX;
  for (const answer of content.lines) {
    const labels = wrap(answer.label, bold, SIZE, LABEL_WIDTH);
    const values = wrap(answer.value, regular, SIZE, valueWidth);
    for (let i = 0; i < Math.max(labels.length, values.length); i += 1) {
      if (labels[i]) write(labels[i]!, bold, SIZE);
      if (values[i]) write(values[i]!, regular, SIZE, valueX);
      nextLine(LINE);
    }
    nextLine(4);
  }
  nextLine(LINE);
  write('Conservez ce document : il atteste le dépôt de votre dossier.', regular, 9);
  return doc.save();
}

/** Splits text into lines that fit `width`, keeping its own line breaks. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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
