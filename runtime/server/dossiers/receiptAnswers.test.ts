import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../shared/definition/types.ts';
import { receiptLines } from './receiptAnswers.ts';

const form: FormDefinition = {
  schema: {
    type: 'object',
    properties: {
      nom: { type: 'string', title: 'Nom' },
      naissance: { type: 'string', format: 'date', title: 'Date de naissance' },
      situation: {
        type: 'string',
        title: 'Situation',
        oneOf: [
          { const: 'seul', title: 'Personne seule' },
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
      justificatif: { type: 'array', title: 'Justificatif', 'x-file': {} },
      commentaire: { type: 'string' },
    },
  },
  pages: [{ id: 'p2', title: 'Foyer', fields: ['situation'] }],
};

describe('receiptLines', () => {
  it('lists the answers as the citizen gave them, in page order, in French words', () => {
    expect(
      receiptLines(form, {
        nom: 'Martin',
        naissance: '1990-05-01',
        situation: 'couple',
        revenu: 1234.5,
        aide: false,
        adresse: { ville: 'Lyon' },
        enfants: [{ prenom: 'Léa' }, { prenom: 'Noé' }],
        justificatif: ['a', 'b'],
        commentaire: 'RAS',
      }),
    ).toEqual([
      { label: 'Situation', value: 'En couple' },
      { label: 'Nom', value: 'Martin' },
      { label: 'Date de naissance', value: '1er mai 1990' },
      { label: 'Revenu mensuel', value: (1234.5).toLocaleString('fr-FR') },
      { label: 'Demande une aide', value: 'Non' },
      { label: 'Adresse — Ville', value: 'Lyon' },
      { label: 'Enfant n° 1 — Prénom', value: 'Léa' },
      { label: 'Enfant n° 2 — Prénom', value: 'Noé' },
      { label: 'Justificatif', value: '2 fichiers' },
      { label: 'commentaire', value: 'RAS' },
    ]);
  });

  it('leaves out what was not answered', () => {
    expect(receiptLines(form, { nom: '', aide: true })).toEqual([
      { label: 'Demande une aide', value: 'Oui' },
    ]);
  });
});
