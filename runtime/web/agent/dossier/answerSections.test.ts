import { describe, expect, it } from 'vitest';
import { answerSections } from './answerSections.ts';

const schema = {
  type: 'object',
  properties: {
    nom: { type: 'string', title: 'Nom' },
    naissance: { type: 'string', format: 'date', title: 'Date de naissance' },
    situation: {
      type: 'string',
      title: 'Situation',
      oneOf: [
        { const: 'seul', title: 'Seul(e)' },
        { const: 'couple', title: 'En couple' },
      ],
    },
    revenu: { type: 'number', title: 'Revenu mensuel' },
    aide: { type: 'boolean', title: 'Demande une aide' },
    adresse: {
      type: 'object',
      title: 'Adresse',
      properties: { ville: { type: 'string', title: 'Ville' } },
    },
    enfants: {
      type: 'array',
      title: 'Enfant',
      items: { type: 'object', properties: { prenom: { type: 'string', title: 'Prénom' } } },
    },
    justificatif: {
      type: 'string',
      title: 'Justificatif',
      'x-file': { accept: ['application/pdf'] },
    },
    note: { type: 'string' },
  },
};

describe('answerSections: a dossier read-only, labelled by its definition', () => {
  it('labels, orders and formats the answers, with empty ones kept', () => {
    const [section] = answerSections(
      { schema, uiSchema: { 'ui:order': ['aide', 'nom'] }, pages: null },
      {
        nom: 'Martin',
        naissance: '1980-02-29',
        situation: 'couple',
        revenu: 1234.5,
        aide: true,
        adresse: { ville: 'Lyon' },
        enfants: [{ prenom: 'Léa' }, { prenom: 'Tom' }],
        justificatif: 'f0e1',
      },
    );
    expect(section?.rows.map((row) => [row.depth, row.label, row.kind, row.text])).toEqual([
      [0, 'Demande une aide', 'value', 'Oui'],
      [0, 'Nom', 'value', 'Martin'],
      [0, 'Date de naissance', 'value', '29/02/1980'],
      [0, 'Situation', 'value', 'En couple'],
      [0, 'Revenu mensuel', 'value', (1234.5).toLocaleString('fr-FR')],
      [0, 'Adresse', 'group', ''],
      [1, 'Ville', 'value', 'Lyon'],
      [0, 'Enfant', 'group', ''],
      [1, 'Enfant n° 1', 'group', ''],
      [2, 'Prénom', 'value', 'Léa'],
      [1, 'Enfant n° 2', 'group', ''],
      [2, 'Prénom', 'value', 'Tom'],
      [0, 'Justificatif', 'files', '1 fichier(s)'],
      [0, 'note', 'value', ''],
    ]);
    expect(section?.rows.find((row) => row.kind === 'files')?.files).toEqual(['f0e1']);
  });

  it('splits by page, with fields on no page last', () => {
    const sections = answerSections(
      {
        schema,
        uiSchema: null,
        pages: [
          { id: 'identite', title: 'Identité', fields: ['nom'] },
          { id: 'foyer', title: 'Foyer', fields: ['situation'] },
        ],
      },
      { nom: 'Martin' },
    );
    expect(sections.map((s) => [s.title, s.rows.length])).toEqual([
      ['Identité', 1],
      ['Foyer', 1],
      ['Autres informations', 8],
    ]);
  });

  it('says an enum’s values by the uiSchema’s labels, in lists and groups too', () => {
    const [section] = answerSections(
      {
        schema: {
          type: 'object',
          properties: {
            secteur: { type: 'string', title: 'Secteur', enum: ['sante', 'industrie'] },
            aides: {
              type: 'array',
              title: 'Aides',
              items: { type: 'string', enum: ['loyer', 'eau'] },
            },
            emploi: {
              type: 'object',
              title: 'Emploi',
              properties: { contrat: { type: 'string', title: 'Contrat', enum: ['cdi', 'cdd'] } },
            },
          },
        },
        uiSchema: {
          secteur: { 'ui:enumNames': ['Santé et action sociale', 'Industrie'] },
          aides: { items: { 'ui:enumNames': ['Aide au loyer', 'Eau'] } },
          emploi: { contrat: { 'ui:enumNames': ['Contrat à durée indéterminée', 'CDD'] } },
        },
        pages: null,
      },
      { secteur: 'sante', aides: ['loyer', 'eau'], emploi: { contrat: 'cdi' } },
    );
    expect(section?.rows.map((row) => row.text)).toEqual([
      'Santé et action sociale',
      'Aide au loyer, Eau',
      '',
      'Contrat à durée indéterminée',
    ]);
  });

  it('says a sourced field’s code by the label the server resolved', () => {
    const form = {
      schema: {
        type: 'object',
        properties: { commune: { type: 'string', title: 'Commune', 'x-source': 'communes' } },
      },
      uiSchema: null,
      pages: null,
    };
    const labels = { communes: { '69383': 'Lyon 3e Arrondissement' } };
    const [section] = answerSections(form, { commune: '69383' }, labels);
    expect(section?.rows[0]?.text).toBe('Lyon 3e Arrondissement');
    const [unknown] = answerSections(form, { commune: '75056' }, labels);
    expect(unknown?.rows[0]?.text).toBe('75056');
  });
});
