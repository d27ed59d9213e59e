import type { StateDefinition, TransitionDefinition } from '../../definition/types.ts';

/**
 * French quotation of a name, as messages show it.
 *
 * @example
 * quote('revenuMensuel'); // '« revenuMensuel »'
 */
export function quote(name: unknown): string {
  return `« ${typeof name === 'string' ? name : JSON.stringify(name)} »`;
}

/**
 * A state as the admin knows it: its label, then its id.
 *
 * @example
 * describeState({ id: 'depose', label: 'Déposé', kind: 'active' }); // 'l’état « Déposé » (depose)'
 */
export function describeState(state: Pick<StateDefinition, 'id' | 'label'>): string {
  return `l’état ${quote(state.label)} (${state.id})`;
}

/**
 * A transition as the admin knows it: its label, then its id.
 *
 * @example
 * describeTransition({ id: 'accepter', label: 'Accepter' }); // 'la transition « Accepter » (accepter)'
 */
export function describeTransition(transition: Pick<TransitionDefinition, 'id' | 'label'>): string {
  return `la transition ${quote(transition.label)} (${transition.id})`;
}

/**
 * A list of values for a message: quoted, comma separated.
 *
 * @example
 * quoteList(['seul', 'couple']); // '« seul », « couple »'
 */
export function quoteList(values: readonly unknown[]): string {
  return values.map(quote).join(', ');
}

/**
 * The same text with a capital first letter, to start a sentence with a description.
 *
 * @example
 * capitalise(describeState(state)); // 'L’état « Déposé » (depose)'
 */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
