import type { TransitionDefinition } from '../../definition/types.ts';
import { capitalise, describeTransition } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `duplicate-transition`: two unguarded transitions with the same sources, target, roles
 * and delay offer the same move twice (often a copy-paste left behind). Different
 * effects may justify it, hence only a warning.
 *
 * @example
 * // 'accepter' and 'valider' both en_instruction → accepte by agent, no guard:
 * // { rule: 'duplicate-transition', pointer: '/workflow/transitions/8', … }
 */
export const duplicateTransition: LintRule = {
  id: 'duplicate-transition',
  severity: 'warning',
  description: 'Deux transitions sans condition qui font le même déplacement pour les mêmes rôles.',
  check(context, report) {
    const seen = new Map<string, TransitionDefinition>();
    context.transitions.forEach((transition, index) => {
      if (transition.guard !== undefined) return;
      const key = signature(transition);
      const twin = seen.get(key);
      if (twin === undefined) {
        seen.set(key, transition);
        return;
      }
      report(
        pointer('workflow', 'transitions', index),
        `${capitalise(describeTransition(transition))} fait le même déplacement que ${describeTransition(twin)}, pour les mêmes rôles et sans condition. Si elles ne diffèrent que par leurs effets c’est voulu ; sinon, supprimez l’une des deux.`,
      );
    });
  },
};

function signature(transition: TransitionDefinition): string {
  const sorted = (list: unknown) => [...new Set(asArray<string>(list))].sort();
  const from = transition.from === '*' ? '*' : sorted(transition.from);
  return JSON.stringify([from, transition.to, sorted(transition.by), transition.after ?? null]);
}
