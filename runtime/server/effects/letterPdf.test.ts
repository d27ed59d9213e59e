import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { letterPdf } from './letterPdf.ts';

const letter = {
  issuer: 'Ville de Lyon',
  issuerLines: ['1 place de la Comédie, 69001 Lyon', 'aides@lyon.test'],
  demarcheTitle: 'Aide sociale',
  date: new Date('2026-12-15T09:00:00Z'),
  reference: 'AIDE-2026-000042',
  title: 'Attribution de l’aide',
  body: `Madame, Monsieur,\n${'Nous œuvrons pour « vous ». '.repeat(150)}Fin.`,
};

async function textOf(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return { text, pages: document.numPages };
}

describe('letterPdf', () => {
  it('writes the letterhead, the French date, the reference, the subject and the body', async () => {
    const { text, pages } = await textOf(await letterPdf(letter));
    expect(text).toMatch(
      /^Ville de Lyon\n1 place de la Comédie, 69001 Lyon\naides@lyon\.test\nAide sociale\nLe 15 décembre 2026\nRéférence : AIDE-2026-000042\nObjet : Attribution de l’aide\nMadame, Monsieur,\nNous œuvrons pour « vous »/,
    );
    expect(text).toContain('Fin.');
    expect(pages).toBeGreaterThan(1);
  });

  it('gives the same bytes for the same letter, so the store keeps one copy', async () => {
    expect(Buffer.from(await letterPdf(letter)).equals(Buffer.from(await letterPdf(letter)))).toBe(
      true,
    );
  });

  // The standard PDF fonts have no glyph for these: amounts and names would break.
  it('embeds a font that draws œ, €, the no-break spaces and French quotes', async () => {
    const require = createRequire(import.meta.url);
    const font = fontkit.create(
      await readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    );
    for (const char of ['œ', 'Œ', '€', '\u202f', '\u00a0', '’', '«', '»', 'é', 'ç']) {
      expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true);
    }
  });
});
