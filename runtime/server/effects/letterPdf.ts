import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { dateFr } from '../../../shared/templating/index.ts';
import { A4, openA4Document, wrapText } from '../core/a4Pdf.ts';

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

const PAGE = A4;
const MARGIN = A4.margin;
const BODY_SIZE = 11;
const LINE = 15;
const GREY = rgb(0.35, 0.35, 0.35);

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
  const { doc, regular, bold } = await openA4Document({
    title: `${content.title} — ${content.reference}`,
    author: content.issuer,
    date: content.date,
  });

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

  for (const line of wrapText(content.body, regular, BODY_SIZE, PAGE.width - 2 * MARGIN)) {
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
