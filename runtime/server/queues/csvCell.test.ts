import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csvCell.ts';

describe('csvCell (docs/SECURITY.md §74)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('prefixes a cell starting like a formula: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes a cell holding the separator, a quote or a line break, and still neutralises it', () => {
    expect(csvCell('Dupont; Jean')).toBe('"Dupont; Jean"');
    expect(csvCell('dit "Jo"')).toBe('"dit ""Jo"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('=HYPERLINK("http://x";"y")')).toBe('"\'=HYPERLINK(""http://x"";""y"")"');
  });

  it('leaves ordinary text, numbers and empty values alone', () => {
    expect(csvCell('Élodie Martin')).toBe('Élodie Martin');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 'b'])).toBe('a;b\r\n');
  });
});
