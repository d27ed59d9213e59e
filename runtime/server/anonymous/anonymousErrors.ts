import type { DomainError } from '../core/domainError.ts';

/** The anonymous feature's refusals, in French. */
export const anonymousErrors = {
  /** Unknown tenant, unknown démarche, or one that requires an account: one answer. */
  notOpen: (): DomainError => ({
    code: 'NOT_FOUND',
    message: 'Cette démarche est introuvable ou ne peut pas être faite sans compte.',
  }),
  /** Unknown, malformed, replaced or another tenant's code: always this same answer. */
  unknownCode: (): DomainError => ({
    code: 'NOT_FOUND',
    message: 'Ce code de suivi ne correspond à aucun dossier. Vérifiez-le et réessayez.',
  }),
  noPass: (): DomainError => ({
    code: 'UNAUTHENTICATED',
    message: 'Votre dossier sans compte n’est plus ouvert dans ce navigateur.',
  }),
  notSubmitted: (): DomainError => ({
    code: 'CONFLICT',
    message: 'Le code de suivi est donné une fois le dossier envoyé.',
  }),
} as const;
