import { describe, expect, it } from 'vitest';
import { parseUnitsCsv } from './parseUnitsCsv.ts';

describe('parseUnitsCsv', () => {
  it('reads ; or , files with a BOM, quoted cells and any column order', () => {
    expect(
      parseUnitsCsv('\uFEFFnom;code_parent;code\r\nCCAS;;ccas\r\n"Pôle; familles";ccas;fam\r\n'),
    ).toEqual({
      ok: true,
      value: [
        { line: 2, code: 'ccas', name: 'CCAS', parentCode: null },
        { line: 3, code: 'fam', name: 'Pôle; familles', parentCode: 'ccas' },
      ],
    });
    expect(parseUnitsCsv('code,nom,code_parent\n a , Accueil ,\n\n')).toEqual({
      ok: true,
      value: [{ line: 2, code: 'a', name: 'Accueil', parentCode: null }],
    });
  });

  it('reports every faulty line with its number, in French', () => {
    const result = parseUnitsCsv(
      [
        'code;nom;code_parent',
        'bon;Bon;',
        ';Sans code;',
        'x y;Espace;',
        'soi;Soi;soi',
        'bon;Encore;',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { line: 3, message: 'Le code est vide.' },
        { line: 4, message: 'Le code « x y » est invalide.' },
        { line: 5, message: 'Un service ne peut pas être son propre parent.' },
        { line: 6, message: 'Le code « bon » figure déjà ligne 2.' },
      ],
    });
  });

  it('names the missing columns, an empty file and one with no unit', () => {
    expect(parseUnitsCsv('')).toEqual({
      ok: false,
      error: [{ line: 1, message: 'Le fichier est vide.' }],
    });
    expect(parseUnitsCsv('code;libelle\n')).toMatchObject({
      ok: false,
      error: [{ line: 1, message: expect.stringContaining('nom, code_parent') }],
    });
    expect(parseUnitsCsv('code;nom;code_parent\n')).toEqual({
      ok: false,
      error: [{ line: 2, message: 'Aucun service à importer.' }],
    });
  });
});
