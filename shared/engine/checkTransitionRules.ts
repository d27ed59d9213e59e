import type { TransitionDefinition } from '../definition/types.ts';
import { failingRules } from '../expressions/index.ts';
import type { GuardFailure } from './types.ts';

/** The `rule` of a failure that comes from a transition's `rules`, not its JSON Schema guard. */
export const TRANSITION_RULE = 'transitionRule';

/**
 * A transition's `rules` on the data (computed values in), `today` and the actor's input:
 * each failing one gives its admin-written message, beside its field (a JSON pointer, as
 * the guard's failures are).
 *
 * @example
 * checkTransitionRules(accorder, { data: { montantDemande: 500 }, today, input: { montant: 800 } });
 * // [{ field: '/montant', rule: 'transitionRule', message: 'Au plus le montant demandé.' }]
 */
export function checkTransitionRules(
  transition: TransitionDefinition,
  scope: {
    data: Readonly<Record<string, unknown>>;
    today: string;
    input: Readonly<Record<string, unknown>>;
  },
): GuardFailure[] {
  if (transition.rules === undefined || transition.rules.length === 0) return [];
  return Object.entries(failingRules(transition.rules, scope)).flatMap(([field, messages]) =>
    messages.map((message) => ({ field: `/${field}`, rule: TRANSITION_RULE, message })),
  );
}
