import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { ajvErrorsToFieldErrors } from './ajvErrorsToFieldErrors.ts';
import { createFormAjv } from './createFormAjv.ts';

const nbsp = '\u202f'; // Intl's French thousands separator

function errorsOf(schema: object, data: unknown) {
  const validate = createFormAjv().compile(schema);
  validate(data);
  return ajvErrorsToFieldErrors(validate.errors);
}

describe('ajvErrorsToFieldErrors', () => {
  it('keys errors by field, with the missing property for `required`', () => {
    const schema = {
      type: 'object',
      properties: {
        revenuMensuel: { type: 'number', maximum: 1500 },
        adresse: {
          type: 'object',
          properties: {
            codePostal: { type: 'string', pattern: '^[0-9]{5}$' },
            ville: { type: 'string' },
          },
          required: ['codePostal', 'ville'],
        },
      },
      required: ['revenuMensuel', 'adresse'],
    };
    expect(errorsOf(schema, { revenuMensuel: 2000, adresse: { codePostal: '7500' } })).toEqual({
      revenuMensuel: [`La valeur doit être inférieure ou égale à 1${nbsp}500.`],
      'adresse.codePostal': ['Le format de ce champ n’est pas valide.'],
      'adresse.ville': ['Ce champ est obligatoire.'],
    });
  });

  it('numbers array items and keeps several messages for one field', () => {
    const schema = {
      type: 'object',
      properties: {
        enfants: {
          type: 'array',
          items: {
            type: 'object',
            properties: { prenom: { type: 'string', minLength: 2, pattern: '^[A-Z]' } },
            required: ['prenom'],
          },
        },
      },
    };
    expect(errorsOf(schema, { enfants: [{ prenom: 'Léa' }, {}, { prenom: 'x' }] })).toEqual({
      'enfants.1.prenom': ['Ce champ est obligatoire.'],
      'enfants.2.prenom': [
        'Ce champ doit contenir au moins 2 caractères.',
        'Le format de ce champ n’est pas valide.',
      ],
    });
  });

  it('reports a conditional requirement on the field, without the `if` noise', () => {
    const errors = errorsOf(socialAidDefinition.form.schema as object, {
      nom: 'Martin',
      prenom: 'Léa',
      email: 'pas-une-adresse',
      revenuMensuel: 900,
      situation: 'couple',
    });
    expect(errors).toEqual({
      email: ['L’adresse électronique n’est pas valide.'],
      conjoint: ['Ce champ est obligatoire.'],
    });
  });

  it('puts whole-form errors under the empty path and unexpected fields under their name', () => {
    const schema = { type: 'object', additionalProperties: false, minProperties: 1 };
    expect(errorsOf(schema, {})).toEqual({ '': ['Au moins un champ doit être rempli.'] });
    expect(errorsOf(schema, { etat: 'accepte' })).toEqual({
      etat: ['Ce champ n’est pas attendu.'],
    });
  });

  it('keeps a field named __proto__ as a plain key', () => {
    const errors = errorsOf(
      { type: 'object', additionalProperties: false },
      JSON.parse('{"__proto__": 1}'),
    );
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(Object.keys(errors)).toEqual(['__proto__']);
  });

  it('gives an empty record when there is nothing to report', () => {
    expect(ajvErrorsToFieldErrors(null)).toEqual({});
    expect(ajvErrorsToFieldErrors(undefined)).toEqual({});
  });
});
