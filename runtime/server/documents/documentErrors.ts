import { dateFr } from '../../../shared/templating/index.ts';
import type { DomainError } from '../core/domainError.ts';

/** The document safe's refusals, in French. */
export const documentErrors = {
  /** Unknown, another owner's or another tenant's document: one answer. */
  notFound: (): DomainError => ({
    code: 'NOT_FOUND',
    message: 'Ce document est introuvable dans vos documents.',
  }),
  infected: (): DomainError => ({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Ce document a été bloqué par l’analyse antivirus : il ne peut pas être joint.',
  }),
  /** Past its validity date (`validUntil`, `YYYY-MM-DD`): a newer one is needed. */
  expired: (validUntil: string): DomainError => ({
    code: 'INVALID_INPUT',
    message: `Ce document n’était valable que jusqu’au ${dateFr(validUntil)} : ajoutez-en une version à jour à vos documents.`,
  }),
  invalid: (message: string): DomainError => ({ code: 'INVALID_INPUT', message }),
} as const;
