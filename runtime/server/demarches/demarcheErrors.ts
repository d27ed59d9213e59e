import type { Diagnostic } from '../../../shared/analysis/index.ts';
import type { DefinitionProblem } from '../../../shared/definition/index.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * Every failure of the démarches feature, as a domain error: a stable code the designer
 * branches on and a French message it can show as is. Codes map to tRPC codes in
 * `trpc/domainError.ts` (SLUG_TAKEN, STALE_REVISION, ALREADY_PUBLISHED → CONFLICT).
 *
 * @example
 * if (!row) return err(demarcheErrors.notFound());
 */
export const demarcheErrors = {
  /** Also for another tenant's id: the answer must not tell that the id exists. */
  notFound: (): DomainError => ({ code: 'NOT_FOUND', message: 'Démarche introuvable.' }),

  versionNotFound: (version: number): DomainError => ({
    code: 'NOT_FOUND',
    message: `La version ${version} de cette démarche n’existe pas.`,
  }),

  tenantNotFound: (): DomainError => ({ code: 'NOT_FOUND', message: 'Organisation introuvable.' }),

  notPublished: (): DomainError => ({
    code: 'NOT_FOUND',
    message: 'Cette démarche n’est pas (ou plus) proposée en ligne.',
  }),

  slugTaken: (slug: string): DomainError => {
    const message = `L’identifiant « ${slug} » est déjà utilisé par une autre démarche.`;
    return { code: 'SLUG_TAKEN', message, fieldErrors: { slug: [message] } };
  },

  unknownUnit: (code: string): DomainError => {
    const message = `Aucune unité n’a le code « ${code} ».`;
    return { code: 'INVALID_INPUT', message, fieldErrors: { ownerUnit: [message] } };
  },

  staleRevision: (currentRevision: number): DomainError => ({
    code: 'STALE_REVISION',
    message:
      'Le brouillon a été modifié entre-temps (par vous dans un autre onglet ou par un ' +
      'collègue). Rien n’a été écrasé : rechargez-le, puis refaites vos dernières modifications.',
    details: { currentRevision },
  }),

  draftTooLarge: (bytes: number, maxBytes: number): DomainError => ({
    code: 'PAYLOAD_TOO_LARGE',
    message: `Le brouillon est trop volumineux (${formatKb(bytes)} Ko, maximum ${formatKb(maxBytes)} Ko).`,
    details: { bytes, maxBytes },
  }),

  invalidDefinition: (problems: DefinitionProblem[], diagnostics: Diagnostic[]): DomainError => ({
    code: 'INVALID_DEFINITION',
    message:
      'La démarche ne peut pas être publiée : corrigez d’abord les erreurs signalées ' +
      `(${problems.length + diagnostics.filter((d) => d.severity === 'error').length}).`,
    details: { problems, diagnostics },
  }),

  alreadyPublished: (version: number): DomainError => ({
    code: 'ALREADY_PUBLISHED',
    message: `Ce brouillon est identique à la version ${version}, déjà publiée.`,
    details: { version },
  }),

  /** Two publishes raced and the other one took the version number. */
  publishRaced: (): DomainError => ({
    code: 'CONFLICT',
    message: 'Une autre publication de cette démarche vient d’avoir lieu. Vérifiez les versions.',
  }),
};

function formatKb(bytes: number): string {
  return Math.ceil(bytes / 1000).toLocaleString('fr-FR');
}
