import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from './fieldErrorMessage.ts';

const error = (keyword: string, params: Record<string, unknown>): ErrorObject => ({
  keyword,
  params,
  instancePath: '/champ',
  schemaPath: '#',
});

describe('fieldErrorMessage', () => {
  it.each([
    [error('required', { missingProperty: 'nom' }), 'Ce champ est obligatoire.'],
    [error('type', { type: 'integer' }), 'Ce champ doit être un nombre entier.'],
    [error('type', { type: 'string,null' }), 'Ce champ doit être un texte ou vide.'],
    [error('minLength', { limit: 1 }), 'Ce champ ne doit pas être vide.'],
    [error('maxLength', { limit: 100 }), 'Ce champ doit contenir au plus 100 caractères.'],
    [
      error('minimum', { limit: 0, comparison: '>=' }),
      'La valeur doit être supérieure ou égale à 0.',
    ],
    [
      error('exclusiveMaximum', { limit: 2.5 }),
      'La valeur doit être strictement inférieure à 2,5.',
    ],
    [
      error('format', { format: 'date' }),
      'La date n’est pas valide (format attendu : AAAA-MM-JJ).',
    ],
    [error('format', { format: 'hostname' }), 'Le format de ce champ n’est pas valide.'],
    [
      error('enum', { allowedValues: ['a'] }),
      'Cette valeur ne fait pas partie des choix proposés.',
    ],
    [error('const', { allowedValue: 'couple' }), 'La valeur attendue est « couple ».'],
    [error('minItems', { limit: 1 }), 'La liste doit contenir au moins 1 élément.'],
    [error('maxItems', { limit: 3 }), 'La liste doit contenir au plus 3 éléments.'],
    [error('contains', { minContains: 1 }), 'Cette valeur n’est pas valide.'],
  ])('%# %s', (ajvError, message) => {
    expect(fieldErrorMessage(ajvError)).toBe(message);
  });
});
