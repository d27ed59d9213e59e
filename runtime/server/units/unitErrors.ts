import type { DomainError } from '../core/domainError.ts';

/** The same answer for a unit of another tenant and one that exists nowhere. */
export function unitNotFound(): DomainError {
  return { code: 'NOT_FOUND', message: 'Ce service est introuvable.' };
}

export function parentNotFound(): DomainError {
  return {
    code: 'NOT_FOUND',
    message: 'Le service parent est introuvable.',
    fieldErrors: { parentId: ['Service parent introuvable.'] },
  };
}

export function unitCodeTaken(code: string): DomainError {
  return {
    code: 'UNIT_CODE_TAKEN',
    message: `Le code « ${code} » est déjà utilisé par un autre service.`,
    fieldErrors: { code: ['Ce code est déjà utilisé.'] },
  };
}

export function unitCycle(): DomainError {
  return {
    code: 'UNIT_CYCLE',
    message: 'Un service ne peut pas être placé sous lui-même ni sous l’un de ses sous-services.',
    fieldErrors: { parentId: ['Ce déplacement créerait une boucle.'] },
  };
}

export function parentArchived(): DomainError {
  return {
    code: 'UNIT_ARCHIVED',
    message: 'Le service parent est archivé : il ne prend plus de sous-services.',
    fieldErrors: { parentId: ['Service parent archivé.'] },
  };
}
