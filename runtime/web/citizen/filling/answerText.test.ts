import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../shared/definition/types.ts';
import { fieldAnswerText } from './answerText.ts';

const form: FormDefinition = {
  schema: {
    type: 'object',
    properties: {
      secteur: { type: 'string', enum: ['sante', 'industrie'] },
      civilite: { type: 'string', oneOf: [{ const: 'madame', title: 'Madame' }] },
      aides: { type: 'array', items: { type: 'string', enum: ['loyer', 'eau'] } },
      naissance: { type: 'string', format: 'date' },
      salaire: { type: 'number' },
      nom: { type: 'string' },
    },
  },
  uiSchema: {
    secteur: { 'ui:enumNames': ['Santé et action sociale', 'Industrie'] },
    aides: { items: { 'ui:enumNames': ['Aide au loyer', 'Eau'] } },
  },
};

describe('fieldAnswerText', () => {
  it('says a choice by its label, from ui:enumNames or oneOf titles, lists joined', () => {
    expect(fieldAnswerText(form, 'secteur', 'sante', {})).toBe('Santé et action sociale');
    expect(fieldAnswerText(form, 'civilite', 'madame', {})).toBe('Madame');
    expect(fieldAnswerText(form, 'aides', ['loyer', 'eau'], {})).toBe('Aide au loyer, Eau');
  });

  it('says a date in French, a number with French spacing, an empty answer as such', () => {
    expect(fieldAnswerText(form, 'naissance', '1988-04-12', {})).toBe('12 avril 1988');
    expect(fieldAnswerText(form, 'salaire', 2150, {})).toBe('2\u202f150');
    expect(fieldAnswerText(form, 'nom', '', {})).toBe('Non renseigné');
    expect(fieldAnswerText(form, 'nom', 'Martin', {})).toBe('Martin');
  });
});
