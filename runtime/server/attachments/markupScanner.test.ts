import { describe, expect, it } from 'vitest';
import { createMarkupScanner } from './markupScanner.ts';

function scan(...chunks: string[]): boolean {
  const scanner = createMarkupScanner();
  for (const chunk of chunks) scanner.push(Buffer.from(chunk, 'latin1'));
  return scanner.found;
}

describe('createMarkupScanner', () => {
  it('finds markup anywhere in the file, not only in its first kilobyte', () => {
    expect(scan('%PDF-1.4\n', 'x'.repeat(8192), '<script>alert(1)</script>')).toBe(true);
    expect(scan(`%PDF-1.4\n${'\u00e9'.repeat(5000)}<SVG onload=x>`)).toBe(true);
  });

  it('finds a marker split across two chunks', () => {
    expect(scan('%PDF-1.4 ... <scr', 'ipt>alert(1)')).toBe(true);
    expect(scan('<!doctype', '   html>')).toBe(true);
    expect(scan('<', 'i', 'f', 'r', 'a', 'm', 'e', ' src=x>')).toBe(true);
  });

  it('passes a PDF without markup, including dictionaries and lookalikes', () => {
    expect(scan('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n', '<scripts-not-a-tag', '%%EOF')).toBe(
      false,
    );
  });
});
