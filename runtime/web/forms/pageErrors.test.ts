import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../../../shared/form/index.ts';
import { pageErrors, toErrorSchema, type ValidateFunction } from './pageErrors.ts';
import { conditionFields, sectionSchema } from './sectionSchema.ts';

const schema = {
  type: 'object',
  properties: {
    nom: { type: 'string', minLength: 1 },
    codePostal: { type: 'string', format: 'code-postal' },
    situation: { enum: ['seul', 'couple'] },
    conjoint: { type: 'string' },
    enfants: {
      type: 'array',
      items: { type: 'object', properties: { age: { type: 'integer', minimum: 0 } } },
    },
  },
  required: ['nom', 'situation'],
  if: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
  then: { required: ['conjoint'], properties: { conjoint: { minLength: 2 } } },
};

// The server's own validator stands in for the served module (validatorModules.test.ts
// proves the two agree).
const validate = createFormAjv().compile(schema) as ValidateFunction;

describe('pageErrors', () => {
  it('keeps the current step’s problems, in French, linked to their inputs', () => {
    const data = { codePostal: '00000', situation: 'couple', enfants: [{ age: -1 }] };
    expect(pageErrors(validate, data, ['nom', 'codePostal'])).toEqual([
      { path: ['nom'], inputId: 'root_nom', message: 'Ce champ est obligatoire.' },
      {
        path: ['codePostal'],
        inputId: 'root_codePostal',
        message: 'Le code postal n’est pas valide (5 chiffres, par exemple 75001).',
      },
    ]);
    const second = pageErrors(validate, data, ['situation', 'conjoint', 'enfants']);
    expect(second).toHaveLength(2);
    expect(second).toContainEqual({
      path: ['enfants', 0, 'age'],
      inputId: 'root_enfants_0_age',
      message: 'La valeur doit être supérieure ou égale à 0.',
    });
    expect(second).toContainEqual({
      path: ['conjoint'],
      inputId: 'root_conjoint',
      message: 'Ce champ est obligatoire.',
    });
  });

  it('builds the error tree RJSF shows beside each field', () => {
    const tree = toErrorSchema([
      { path: ['enfants', 0, 'age'], inputId: 'root_enfants_0_age', message: 'Trop petit.' },
      { path: ['nom'], inputId: 'root_nom', message: 'Obligatoire.' },
    ]);
    expect(tree).toEqual({
      enfants: { 0: { age: { __errors: ['Trop petit.'] } } },
      nom: { __errors: ['Obligatoire.'] },
    });
  });
});

describe('sectionSchema', () => {
  it('keeps a group’s fields, its required ones and the root’s very `if` object', () => {
    const part = sectionSchema(schema, ['situation', 'conjoint']);
    expect(Object.keys(part['properties'] as object)).toEqual(['situation', 'conjoint']);
    expect(part['required']).toEqual(['situation']);
    expect(part['if']).toBe(schema.if);
    expect(part['then']).toEqual({
      required: ['conjoint'],
      properties: { conjoint: { minLength: 2 } },
    });
  });

  it('leaves out the conditions that say nothing of the group, at the root and in allOf', () => {
    const other = { if: { properties: { nom: { const: 'x' } } }, then: { required: ['nom'] } };
    const both = { ...schema, allOf: [other] };
    const forNom = sectionSchema(both, ['nom']);
    expect(forNom['if']).toBeUndefined();
    expect(forNom['allOf']).toEqual([{ if: other.if, then: { required: ['nom'] } }]);
    const forConjoint = sectionSchema(both, ['conjoint']);
    expect(forConjoint['if']).toBe(schema.if);
    expect(forConjoint['allOf']).toBeUndefined();
  });

  it('names the fields conditions read, so every group gets their answers', () => {
    expect(conditionFields(schema)).toEqual(['situation']);
  });
});
