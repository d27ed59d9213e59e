import type { DomainError } from '../core/domainError.ts';

/** The counter feature's refusals, in French. */
export const counterErrors = {
  /** Unknown démarche, not open to staff, or not to the caller's roles: one answer. */
  notOpen: (): DomainError => ({
    code: 'NOT_FOUND',
    message: 'Cette démarche est introuvable ou vous ne pouvez pas y ouvrir de dossier.',
  }),
  /** Not a counter draft this agent opened: as for an id that exists nowhere. */
  notFound: (): DomainError => ({ code: 'NOT_FOUND', message: 'Dossier introuvable.' }),
  applicantNeeded: (): DomainError => ({
    code: 'INVALID_INPUT',
    message: 'Indiquez pour qui vous ouvrez ce dossier.',
    fieldErrors: { 'applicant.name': ['Indiquez le nom de la personne.'] },
  }),
  selfOnly: (): DomainError => ({
    code: 'INVALID_INPUT',
    message: 'Vous êtes le demandeur de ce dossier : n’indiquez pas d’autre personne.',
  }),
  staffAddress: (): DomainError => ({
    code: 'INVALID_INPUT',
    message:
      'Cette adresse est celle d’un agent : un dossier au guichet est ouvert pour un usager.',
    fieldErrors: { 'applicant.email': ['Cette adresse est celle d’un agent.'] },
  }),
} as const;
