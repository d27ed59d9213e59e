import type { DemarcheDefinition } from '../definition/types.ts';
import { socialAidDefinition } from './socialAidDefinition.ts';

/**
 * The social-aid démarche as a paged form: the spouse's page is shown only to couples
 * (its `conjoint` field is required, which applies only when the page is shown), the
 * income page checks a ceiling for people living alone, and the identity page asks an
 * optional French phone number. Slug `aide-paginee`, so tests can publish it beside the
 * social aid.
 */
export const pagedAidDefinition: DemarcheDefinition = {
  ...socialAidDefinition,
  meta: { ...socialAidDefinition.meta, slug: 'aide-paginee', title: 'Aide sociale (par pages)' },
  form: {
    schema: {
      type: 'object',
      properties: {
        nom: { type: 'string', title: 'Nom', minLength: 1, maxLength: 100 },
        prenom: { type: 'string', title: 'Prénom', minLength: 1, maxLength: 100 },
        email: { type: 'string', title: 'Courriel', format: 'email' },
        telephone: { type: 'string', title: 'Téléphone', format: 'telephone-fr' },
        situation: { type: 'string', title: 'Situation', enum: ['seul', 'couple'] },
        conjoint: { type: 'string', title: 'Nom du conjoint', minLength: 1 },
        revenuMensuel: { type: 'number', title: 'Revenu mensuel (€)', minimum: 0 },
      },
      required: ['nom', 'prenom', 'email', 'situation', 'conjoint', 'revenuMensuel'],
    },
    pages: [
      { id: 'identite', title: 'Identité', fields: ['nom', 'prenom', 'email', 'telephone'] },
      { id: 'foyer', title: 'Votre foyer', fields: ['situation'] },
      {
        id: 'conjoint',
        title: 'Votre conjoint',
        fields: ['conjoint'],
        condition: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
      },
      {
        id: 'ressources',
        title: 'Vos ressources',
        fields: ['revenuMensuel'],
        checks: {
          if: { properties: { situation: { const: 'seul' } }, required: ['situation'] },
          then: { properties: { revenuMensuel: { maximum: 3000 } } },
        },
      },
    ],
  },
};

/** Answers of a person living alone that pass every page of `pagedAidDefinition`. */
export const PAGED_AID_ALONE = {
  nom: 'Martin',
  prenom: 'Claire',
  email: 'claire.martin@example.fr',
  situation: 'seul',
  revenuMensuel: 900,
} as const;
