import type { DomainError } from '../core/domainError.ts';

/**
 * The one answer to every failed login — unknown tenant, unknown account, wrong
 * password, locked or disabled account — so the answer never tells which
 * (docs/SECURITY.md §2).
 */
export const INVALID_CREDENTIALS: DomainError = {
  code: 'INVALID_CREDENTIALS',
  message: 'Identifiant ou mot de passe incorrect.',
};

export const WRONG_CURRENT_PASSWORD: DomainError = {
  code: 'WRONG_PASSWORD',
  message: 'Le mot de passe actuel est incorrect.',
  fieldErrors: { current: ['Le mot de passe actuel est incorrect.'] },
};

export const SAME_PASSWORD: DomainError = {
  code: 'WEAK_PASSWORD',
  message: 'Le nouveau mot de passe doit être différent de l’actuel.',
  fieldErrors: { next: ['Le nouveau mot de passe doit être différent de l’actuel.'] },
};

export const UNKNOWN_TENANT: DomainError = {
  code: 'NOT_FOUND',
  message: 'Organisation introuvable.',
};

export const USER_NOT_FOUND: DomainError = {
  code: 'NOT_FOUND',
  message: 'Compte introuvable.',
};

/**
 * Too many attempts; `details.retryAfterS` becomes the `Retry-After` header.
 *
 * @example
 * return err(rateLimited(verdict.retryAfterS));
 */
export function rateLimited(retryAfterS: number): DomainError {
  return {
    code: 'RATE_LIMITED',
    message: `Trop de tentatives. Veuillez réessayer dans ${retryAfterS} secondes.`,
    details: { retryAfterS },
  };
}

/**
 * One answer for a mailed link that is unknown, used, expired, replaced or of the other
 * purpose: no oracle (docs/SECURITY.md §50–§51).
 */
export const ACCOUNT_LINK_INVALID: DomainError = {
  code: 'ACCOUNT_LINK_INVALID',
  message:
    'Ce lien n’est plus valable (déjà utilisé, expiré ou remplacé par un plus récent). Demandez-en un nouveau.',
};
