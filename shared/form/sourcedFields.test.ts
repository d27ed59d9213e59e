import { describe, expect, it } from 'vitest';
import { createFormAjv } from './createFormAjv.ts';
import { sourcedFieldsOf, sourcedValuesOf } from './sourcedFields.ts';

const schema = {
  type: 'object',
  properties: {
    commune: { type: 'string', title: 'Commune', 'x-source': 'communes' },
    enfants: {
      type: 'array',
      items: { type: 'object', properties: { ecole: { type: 'string', 'x-source': 'ecoles' } } },
    },
    nom: { type: 'string' },
  },
};

describe('sourced fields', () => {
  it('finds every x-source field, inside repeated groups too', () => {
    expect(sourcedFieldsOf(schema)).toEqual([
      { path: 'commune', source: 'communes' },
      { path: 'enfants/*/ecole', source: 'ecoles' },
    ]);
  });

  it('lists the concrete values, leaving empty ones to required', () => {
    const values = sourcedValuesOf(schema, {
      commune: '69123',
      enfants: [{ ecole: 'e1' }, { ecole: '' }, {}],
    });
    expect(values).toEqual([
      { path: 'commune', source: 'communes', value: '69123' },
      { path: 'enfants/0/ecole', source: 'ecoles', value: 'e1' },
    ]);
  });

  it('is a keyword of the form dialect: the value is a string, the source an identifier', () => {
    const ajv = createFormAjv();
    const validate = ajv.compile(schema);
    expect(validate({ commune: '69123' })).toBe(true);
    expect(validate({ commune: 69123 })).toBe(false);
    expect(() =>
      createFormAjv().compile({ properties: { c: { 'x-source': 'Pas un identifiant' } } }),
    ).toThrow();
  });
});
