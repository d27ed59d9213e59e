import type { DomainError } from '../core/domainError.ts';

/**
 * The errors dossier services share. Same message for a dossier that does not exist, one
 * of another tenant and one the caller may not see: nothing tells them apart (docs/SECURITY.md §7).
 */
export function dossierNotFound(): DomainError {
  return { code: 'NOT_FOUND', message: 'Ce dossier est introuvable.' };
}

/** A payload past its cap: refused before anything is written (docs/SECURITY.md §13). */
export function payloadTooLarge(what: string, limitBytes: number): DomainError {
  const limit =
    limitBytes >= 1024 * 1024 ? `${limitBytes / (1024 * 1024)} Mo` : `${limitBytes / 1024} Ko`;
  return {
    code: 'PAYLOAD_TOO_LARGE',
    message: `${what} dépasse la taille maximale autorisée (${limit}).`,
    details: { limitBytes },
  };
}
