import type { DemarcheDefinition, StateDefinition } from '../../../shared/definition/types.ts';

// Definitions of published versions are immutable and cached by object (see
// dossiers/publishedDefinition.ts), so their state index can be cached the same way.
const byDefinition = new WeakMap<DemarcheDefinition, ReadonlyMap<string, StateDefinition>>();

/**
 * The states of a definition by id.
 *
 * @example
 * stateOf(definition, 'depose')?.label; // 'Déposé'
 */
export function stateOf(
  definition: DemarcheDefinition,
  stateId: string,
): StateDefinition | undefined {
  let states = byDefinition.get(definition);
  if (states === undefined) {
    states = new Map(definition.workflow.states.map((state) => [state.id, state]));
    byDefinition.set(definition, states);
  }
  return states.get(stateId);
}
