import { capitalise, describeState, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `unknown-milestone`: a timer counted from a milestone (`since`) that no transition
 * records (`milestone`) never fires; neither does `since` without `after`, which has no
 * delay to count. Likewise a state's due date counted from a milestone (`slaSince`) no
 * transition records, or without an `sla` to count.
 *
 * @example
 * // { id: 'silence', after: 'P2M', since: 'complete' } while the milestone is 'complet':
 * // { rule: 'unknown-milestone', pointer: '/workflow/transitions/5/since', … }
 */
export const unknownMilestone: LintRule = {
  id: 'unknown-milestone',
  severity: 'error',
  description: 'Un délai compté depuis un jalon qu’aucune transition n’enregistre.',
  check(context, report) {
    const recorded = new Set(
      context.transitions.flatMap((t) => (t.milestone === undefined ? [] : [t.milestone])),
    );
    context.states.forEach((state, index) => {
      if (state.slaSince === undefined) return;
      const at = pointer('workflow', 'states', index, 'slaSince');
      if (state.sla === undefined) {
        report(
          at,
          `${capitalise(describeState(state))} compte son délai depuis le jalon ${quote(state.slaSince)} mais n’a pas de délai (sla).`,
        );
      } else if (!recorded.has(state.slaSince)) {
        report(
          at,
          `Le délai de ${describeState(state)} part du jalon ${quote(state.slaSince)}, qu’aucune transition n’enregistre (milestone) : il compterait toujours depuis l’entrée dans l’état.`,
        );
      }
    });
    context.transitions.forEach((transition, index) => {
      if (transition.since === undefined) return;
      const at = pointer('workflow', 'transitions', index, 'since');
      const name = describeTransition(transition);
      if (transition.after === undefined) {
        report(
          at,
          `${capitalise(name)} part du jalon ${quote(transition.since)} mais n’a pas de délai (after) : il ne se déclenchera jamais.`,
        );
      } else if (!recorded.has(transition.since)) {
        report(
          at,
          `Le délai de ${name} part du jalon ${quote(transition.since)}, qu’aucune transition n’enregistre (milestone) : il ne se déclenchera jamais.`,
        );
      }
    });
  },
};
