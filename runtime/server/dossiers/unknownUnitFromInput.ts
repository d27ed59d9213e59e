import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * The refusal of a transition whose `assign.unitFromInput` names a unit the tenant does
 * not have, or has archived: the agent typed it, so the agent is told, on the field, instead of the dossier
 * silently staying where it was (what a definition's own unknown code does: the event
 * records it). Null when the unknown unit did not come from the input.
 *
 * @example
 * unknownUnitFromInput(definition, 'transmettre', { service: 'xyz' }, 'xyz');
 * // { code: 'INVALID_INPUT', fieldErrors: { service: ['Le service « xyz » n’existe pas…'] }, … }
 */
export function unknownUnitFromInput(
  definition: DemarcheDefinition,
  transition: string,
  input: Record<string, unknown> | undefined,
  unknownUnit: string,
): DomainError | null {
  const effects = definition.workflow.transitions.find((t) => t.id === transition)?.effects ?? [];
  for (const effect of effects) {
    if (effect.type !== 'assign' || effect.unitFromInput === undefined) continue;
    const field = effect.unitFromInput;
    if (input === undefined || !Object.hasOwn(input, field) || input[field] !== unknownUnit) {
      continue;
    }
    return {
      code: 'INVALID_INPUT',
      message: 'Certains champs de l’action sont manquants ou invalides.',
      fieldErrors: {
        [field]: [
          `Le service « ${unknownUnit} » n’existe pas ou est archivé : saisissez le code d’un service en activité de votre organisation.`,
        ],
      },
      details: { transition },
    };
  }
  return null;
}
