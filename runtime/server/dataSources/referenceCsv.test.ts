import { describe, expect, it } from 'vitest';
import { parseReferenceCsv } from './referenceCsv.ts';
import { searchKeyOf } from './searchKey.ts';

describe('parseReferenceCsv', () => {
  it('reads code, label and extra columns, either separator, any header case', () => {
    expect(parseReferenceCsv('\uFEFFCode,Libellé,code_postal\n69123,Lyon,69001\n')).toEqual({
      ok: true,
      value: {
        entries: [{ code: '69123', label: 'Lyon', extra: { code_postal: '69001' } }],
        extraColumns: ['code_postal'],
      },
    });
  });

  it('reports every faulty line and a bad header', () => {
    const parsed = parseReferenceCsv('code;libelle\n;Sans code\n1;\n2;Deux\n2;Deux bis\n');
    expect(parsed).toEqual({
      ok: false,
      error: [
        { line: 2, message: 'Le code est vide.' },
        { line: 3, message: 'Le libellé est vide.' },
        { line: 5, message: 'Le code « 2 » figure déjà ligne 4.' },
      ],
    });
    expect(parseReferenceCsv('nom;valeur\na;b\n')).toMatchObject({
      ok: false,
      error: [{ line: 1 }],
    });
    expect(parseReferenceCsv('code;libelle;Code Postal\na;b;c\n')).toMatchObject({
      ok: false,
      error: [{ line: 1, message: expect.stringContaining('minuscules') }],
    });
  });
});

describe('searchKeyOf', () => {
  it('drops accents, case and punctuation, and keeps the code', () => {
    expect(searchKeyOf('Saint-Étienne', '42218')).toBe('saint etienne 42218');
    expect(searchKeyOf('L’Haÿ-les-Roses', '94038')).toBe('l hay les roses 94038');
    expect(searchKeyOf('Œuilly', '02566')).toBe('oeuilly 02566');
  });
});
