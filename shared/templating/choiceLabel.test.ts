import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../definition/types.ts';
import { choiceLabel, hasChoiceLabels } from './choiceLabel.ts';

const form: FormDefinition = {
  schema: {
    type: 'object',
    properties: {
      situation: {
        type: 'string',
        enum: ['seul', 'couple'],
      },
      logement: {
        type: 'string',
        oneOf: [
          { const: 'locataire', title: 'Locataire' },
          { const: 'proprietaire', title: 'Propriétaire' },
        ],
      },
      aides: {
        type: 'array',
        items: { type: 'string', enum: ['loyer', 'energie'] },
      },
      adresse: {
        type: 'object',
        properties: { type: { type: 'string', enum: ['rue', 'lieu-dit'] } },
      },
      services: {
        type: 'array',
        items: { type: 'string', enum: ['repas', 'menage'] },
      },
      nom: { type: 'string' },
    },
  },
  uiSchema: {
    situation: { 'ui:enumNames': ['Personne seule', 'En couple'] },
    aides: { items: { 'ui:enumNames': ['Aide au loyer', 'Énergie'] } },
    adresse: { type: { 'ui:enumNames': ['Rue', 'Lieu-dit'] } },
    services: { 'ui:widget': 'checkboxes', 'ui:enumNames': ['Portage de repas', 'Aide ménagère'] },
  },
};

describe('choiceLabel', () => {
  it('reads enum labels from the uiSchema’s ui:enumNames', () => {
    expect(choiceLabel(form, 'situation', 'couple')).toBe('En couple');
  });

  it('reads oneOf titles', () => {
    expect(choiceLabel(form, 'logement', 'proprietaire')).toBe('Propriétaire');
  });

  it('labels each value of a list field, from ui:enumNames', () => {
    expect(choiceLabel(form, 'aides', ['energie', 'loyer'])).toEqual(['Énergie', 'Aide au loyer']);
  });

  it('labels a checkboxes list field from the labels RJSF reads on the field itself', () => {
    expect(choiceLabel(form, 'services', ['menage'])).toEqual(['Aide ménagère']);
    expect(hasChoiceLabels(form, 'services')).toBe(true);
  });

  it('follows a dotted path into nested objects', () => {
    expect(choiceLabel(form, 'adresse.type', 'lieu-dit')).toBe('Lieu-dit');
  });

  it('gives the value back when there is no label', () => {
    expect(choiceLabel(form, 'situation', 'veuf')).toBe('veuf');
    expect(choiceLabel(form, 'nom', 'Dupont')).toBe('Dupont');
    expect(choiceLabel(form, 'inconnu', 'x')).toBe('x');
    expect(choiceLabel(form, 'constructor', 'x')).toBe('x');
  });
});

describe('hasChoiceLabels', () => {
  it('says which paths name a choice field with labels', () => {
    expect(hasChoiceLabels(form, 'situation')).toBe(true);
    expect(hasChoiceLabels(form, 'logement')).toBe(true);
    expect(hasChoiceLabels(form, 'aides')).toBe(true);
    expect(hasChoiceLabels(form, 'adresse.type')).toBe(true);
    expect(hasChoiceLabels(form, 'nom')).toBe(false);
    expect(hasChoiceLabels(form, 'situaton')).toBe(false);
  });
});

describe('choiceLabel with a data source', () => {
  const sourced: FormDefinition = {
    schema: {
      type: 'object',
      properties: {
        commune: { type: 'string', 'x-source': 'communes' },
        ecoles: { type: 'array', items: { type: 'string', 'x-source': 'ecoles' } },
      },
    },
  };
  const labels = {
    communes: { '69383': 'Lyon 3e Arrondissement' },
    ecoles: { E1: 'École Jean Macé' },
  };

  it('takes the label the server resolved for the stored code', () => {
    expect(choiceLabel(sourced, 'commune', '69383', labels)).toBe('Lyon 3e Arrondissement');
    expect(choiceLabel(sourced, 'ecoles', ['E1', 'E9'], labels)).toEqual(['École Jean Macé', 'E9']);
    expect(hasChoiceLabels(sourced, 'commune')).toBe(true);
  });

  it('gives the code back without labels, or for a code the source no longer has', () => {
    expect(choiceLabel(sourced, 'commune', '69383')).toBe('69383');
    expect(choiceLabel(sourced, 'commune', '75056', labels)).toBe('75056');
    expect(choiceLabel(sourced, 'commune', 'toString', labels)).toBe('toString');
  });
});

describe('choiceLabel in a repeated group', () => {
  it('names the group’s fields through the group', () => {
    const grouped: FormDefinition = {
      schema: {
        type: 'object',
        properties: {
          enfants: {
            type: 'array',
            items: {
              type: 'object',
              properties: { ecole: { type: 'string', 'x-source': 'ecoles' } },
            },
          },
        },
      },
    };
    const labels = { ecoles: { E1: 'École Jean Macé' } };
    expect(choiceLabel(grouped, 'enfants.ecole', 'E1', labels)).toBe('École Jean Macé');
  });
});
