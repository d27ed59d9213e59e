import { type PDFFont, rgb } from 'pdf-lib';
import { dateTimeFr } from '../../../shared/templating/index.ts';
import { A4, openA4Document, wrapText } from '../core/a4Pdf.ts';
import type { ReceiptLine } from './receiptAnswers.ts';

/** What an accusé de réception states. */
export interface ReceiptContent {
  tenantName: string;
  demarcheTitle: string;
  reference: string;
  submittedAt: Date;
  lines: ReceiptLine[];
}

const PAGE = A4;
const MARGIN = A4.margin;
const SIZE = 10;
const LINE = 14;
const LABEL_WIDTH = 190;
const GREY = rgb(0.3, 0.3, 0.3);

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
  const { doc, regular, bold } = await openA4Document({
    title: `Accusé de réception — ${content.reference}`,
    author: content.tenantName,
    date: content.submittedAt,
    language: 'fr-FR',
  });

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
  for (const line of wrapText(content.demarcheTitle, regular, 12, PAGE.width - 2 * MARGIN)) {
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
    const labels = wrapText(answer.label, bold, SIZE, LABEL_WIDTH);
    const values = wrapText(answer.value, regular, SIZE, valueWidth);
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
