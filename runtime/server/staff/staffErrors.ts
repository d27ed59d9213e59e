import type { DomainError } from '../core/domainError.ts';

/** Another tenant's account, a citizen's and an id that exists nowhere read the same. */
export function staffNotFound(): DomainError {
  return { code: 'NOT_FOUND', message: 'Ce membre du personnel est introuvable.' };
}

export function unitOfAccessNotFound(): DomainError {
  return {
    code: 'NOT_FOUND',
    message: 'Un des services indiqués est introuvable.',
    fieldErrors: { access: ['Service introuvable.'] },
  };
}

/** One answer for a token that is unknown, used, expired or revoked: no oracle. */
export const INVITATION_INVALID: DomainError = {
  code: 'INVITATION_INVALID',
  message:
    'Ce lien d’invitation n’est plus valable (déjà utilisé, expiré ou remplacé). Demandez une nouvelle invitation à l’administrateur.',
};

export function emailTaken(): DomainError {
  return {
    code: 'EMAIL_TAKEN',
    message: 'Un compte existe déjà avec cette adresse e-mail dans cette collectivité.',
    fieldErrors: { email: ['Adresse déjà utilisée.'] },
  };
}

export function lastAdmin(): DomainError {
  return {
    code: 'LAST_ADMIN',
    message:
      'Cette action retirerait le dernier administrateur actif de la collectivité : nommez-en un autre d’abord.',
  };
}

export function notYourself(): DomainError {
  return {
    code: 'LAST_ADMIN',
    message: 'Vous ne pouvez pas désactiver votre propre compte.',
  };
}

/** Another tenant's invitation and an id that exists nowhere read the same. */
export function invitationNotFound(): DomainError {
  return { code: 'NOT_FOUND', message: 'Cette invitation est introuvable.' };
}

export function invitationAlreadyAccepted(): DomainError {
  return {
    code: 'INVITATION_ACCEPTED',
    message:
      'Cette invitation a déjà été acceptée : le compte existe. Désactivez-le pour retirer l’accès.',
  };
}
