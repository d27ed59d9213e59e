import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../form/index.ts';
import { ajvErrorsToGuardFailures } from './ajvErrorsToGuardFailures.ts';
import { ajvErrorsToFieldErrors } from './index.ts';

// The dialect the engine compiles with; field errors go through the engine's re-export.
const ajv = createFormAjv();
const validate = ajv.compile({
  type: 'object',
  properties: {
    nom: { type: 'string', maxLength: 3 },
    age: { type: 'integer', exclusiveMinimum: 17 },
    'a/b': { type: 'number' },
    adresse: {
      type: 'object',
      properties: { codePostal: { type: 'string', pattern: '^[0-9]{5}$' } },
      required: ['codePostal', 'ville'],
    },
    enfants: { type: 'array', items: { type: 'object', required: ['prenom'] }, minItems: 1 },
    situation: { enum: ['seul', 'couple'] },
  },
  additionalProperties: false,
});

function errorsOf(data: unknown) {
  validate(data);
  return validate.errors;
}

describe('ajv errors for people', () => {
  it('keys field errors by dotted path with French messages', () => {
    const errors = errorsOf({
      nom: 'Dupont',
      age: 17,
      adresse: { codePostal: '750' },
      enfants: [{}],
      situation: 'autre',
      extra: true,
    });
    expect(ajvErrorsToFieldErrors(errors)).toEqual({
      extra: ['Ce champ n’est pas attendu.'],
      nom: ['Ce champ doit contenir au plus 3 caractères.'],
      age: ['La valeur doit être strictement supérieure à 17.'],
      'adresse.ville': ['Ce champ est obligatoire.'],
      'adresse.codePostal': ['Le format de ce champ n’est pas valide.'],
      'enfants.0.prenom': ['Ce champ est obligatoire.'],
      situation: ['Cette valeur ne fait pas partie des choix proposés.'],
    });
  });

  it('keeps one copy of a message repeated for a field', () => {
    const twice = ajv.compile({ allOf: [{ required: ['nom'] }, { required: ['nom'] }] });
    twice({});
    expect(ajvErrorsToFieldErrors(twice.errors)).toEqual({ nom: ['Ce champ est obligatoire.'] });
  });

  it('names types and root errors', () => {
    expect(ajvErrorsToFieldErrors(errorsOf({ age: 'x', enfants: [] }))).toEqual({
      age: ['Ce champ doit être un nombre entier.'],
      enfants: ['La liste doit contenir au moins 1 élément.'],
    });
    expect(ajvErrorsToFieldErrors(errorsOf([]))).toEqual({
      '': ['Ce champ doit être un ensemble de champs.'],
    });
    expect(ajvErrorsToFieldErrors(null)).toEqual({});
  });

  it('points guard failures at the field with an escaped JSON pointer', () => {
    expect(ajvErrorsToGuardFailures(errorsOf({ 'a/b': 'x', adresse: {} }))).toEqual([
      { field: '/a~1b', rule: 'type', message: 'Ce champ doit être un nombre.' },
      { field: '/adresse/codePostal', rule: 'required', message: 'Ce champ est obligatoire.' },
      { field: '/adresse/ville', rule: 'required', message: 'Ce champ est obligatoire.' },
    ]);
  });
});
