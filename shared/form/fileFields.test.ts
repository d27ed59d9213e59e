import { describe, expect, it } from 'vitest';
import { createFormAjv } from './createFormAjv.ts';
import { fileFieldAt, fileFieldsOf, fileValuesOf } from './fileFields.ts';
import { acceptsType, describeAccept } from './fileTypes.ts';

const ID_1 = '0b7e4c2a-3f0e-4a4e-9a55-1c1d2e3f4a5b';
const ID_2 = '1c8f5d3b-4a1f-4b5f-8b66-2d2e3f4a5b6c';
const certificat = {
  type: 'array',
  items: { type: 'string', format: 'attachment-id' },
  minItems: 1,
  'x-file': { accept: ['application/pdf'], maxBytes: 2_000_000 },
};
const schema = {
  type: 'object',
  properties: {
    nom: { type: 'string' },
    justificatif: { 'x-file': { accept: ['image/*'] }, maxItems: 2 },
    enfants: {
      type: 'array',
      items: { type: 'object', properties: { prenom: { type: 'string' }, certificat } },
    },
  },
};

describe('file fields', () => {
  it('finds file fields at the root and inside repeated groups', () => {
    expect(fileFieldsOf(schema)).toEqual([
      {
        path: 'justificatif',
        pointer: '/properties/justificatif',
        options: { accept: ['image/*'] },
      },
      {
        path: 'enfants/*/certificat',
        pointer: '/properties/enfants/items/properties/certificat',
        options: { accept: ['application/pdf'], maxBytes: 2_000_000 },
      },
    ]);
  });

  it('resolves a concrete path to its field, and refuses ordinary or unknown fields', () => {
    expect(fileFieldAt(schema, 'enfants/1/certificat')?.path).toBe('enfants/*/certificat');
    expect(fileFieldAt(schema, 'justificatif')?.path).toBe('justificatif');
    expect(fileFieldAt(schema, 'nom')).toBeNull();
    expect(fileFieldAt(schema, 'enfants/0/prenom')).toBeNull();
    expect(fileFieldAt(schema, 'enfants/certificat')).toBeNull();
    expect(fileFieldAt(schema, 'inconnu')).toBeNull();
  });

  it('lists each concrete value, one per child', () => {
    const data = {
      justificatif: [ID_1],
      enfants: [{ prenom: 'Léa', certificat: [ID_2] }, { prenom: 'Tom' }, { certificat: [] }],
    };
    expect(fileValuesOf(schema, data).map(({ path, value }) => ({ path, value }))).toEqual([
      { path: 'justificatif', value: [ID_1] },
      { path: 'enfants/0/certificat', value: [ID_2] },
      { path: 'enfants/2/certificat', value: [] },
    ]);
  });

  it('makes the value a list of attachment ids, even without type and items', () => {
    const validate = createFormAjv().compile(schema);
    expect(validate({ justificatif: [ID_1, ID_2] })).toBe(true);
    expect(validate({ justificatif: 'avis.pdf' })).toBe(false);
    expect(validate({ justificatif: ['avis.pdf'] })).toBe(false);
    expect(validate({ justificatif: [ID_1, ID_2, ID_1] })).toBe(false);
    expect(validate({ enfants: [{ certificat: [] }] })).toBe(false);
  });

  it('refuses malformed options when the form is compiled', () => {
    const compile = (options: unknown) => () =>
      createFormAjv().compile({ type: 'object', properties: { f: { 'x-file': options } } });
    expect(compile({ accept: ['application/pdf'], maxBytes: 1000 })).not.toThrow();
    expect(compile({ acept: ['application/pdf'] })).toThrow();
    expect(compile({ accept: 'application/pdf' })).toThrow();
    expect(compile({ maxBytes: 0 })).toThrow();
  });
});

describe('accepted types', () => {
  it('matches exact types and families', () => {
    expect(acceptsType(['application/pdf'], 'application/pdf')).toBe(true);
    expect(acceptsType(['application/pdf'], 'image/png')).toBe(false);
    expect(acceptsType(['image/*'], 'image/jpeg')).toBe(true);
    expect(acceptsType(undefined, 'image/webp')).toBe(true);
  });

  it('names them in French messages', () => {
    expect(describeAccept(['application/pdf', 'image/png'])).toBe('PDF, PNG');
  });
});
