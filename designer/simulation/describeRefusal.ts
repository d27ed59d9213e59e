import type { EngineError } from '../../shared/engine/index.ts';

/**
 * Why the engine refused a simulated action, in French, as an agent would be told.
 *
 * @example
 * describeRefusal({ code: 'FINAL_STATE', state: 'accepte' }) // 'Le dossier est dans un état final (accepte).'
 */
export function describeRefusal(error: EngineError): string {
  switch (error.code) {
    case 'UNKNOWN_TRANSITION':
      return `L’action « ${error.transition} » n’existe pas.`;
    case 'FINAL_STATE':
      return `Le dossier est dans un état final (${error.state}).`;
    case 'NOT_FROM_STATE':
      return `L’action « ${error.transition} » ne part pas de l’état « ${error.state} ».`;
    case 'NOT_ALLOWED':
      return `Ce rôle ne peut pas déclencher « ${error.transition} » (${
        { role: 'rôle', unit: 'service', owner: 'propriétaire du dossier' }[error.reason]
      }).`;
    case 'GUARD_FAILED':
      return `La condition de « ${error.transition} » n’est pas remplie : ${error.failures
        .map((failure) => failure.message)
        .join(' ; ')}`;
    case 'GUARD_BROKEN':
      return `La condition de « ${error.transition} » ne peut pas être vérifiée.`;
    case 'INVALID_INPUT':
      return `Le formulaire de l’action est incomplet : ${flatten(error.errors)}`;
    case 'INVALID_DATA':
      return `Les réponses de l’usager ne sont pas valides : ${flatten(error.errors)}`;
    case 'STALE_REVISION':
      return 'Le dossier a changé entre-temps.';
  }
}

function flatten(errors: Record<string, string[]>): string {
  return Object.entries(errors)
    .map(([field, messages]) => `${field || 'formulaire'} : ${messages.join(', ')}`)
    .join(' ; ');
}
