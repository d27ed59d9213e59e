import type { TransitionDefinition } from '../../definition/types.ts';
import { describeState, describeTransition, quote } from '../support/describe.ts';
import type { LintContext } from '../support/lintContext.ts';
import { pointer } from '../support/pointer.ts';
import { asArray, isObject } from '../support/shapes.ts';
import type { LintRule, Report } from '../types.ts';

/**
 * `invalid-test-case`: a saved test case that can never pass, whatever the data: a step
 * naming an unknown transition, a transition that does not leave the state the previous
 * step reached, an actor not allowed to fire it, an expected state other than its
 * target. Publishing runs the tests, so this catches them before running anything.
 *
 * @example
 * // step { transition: 'accepter', actor: 'applicant', … }:
 * // { rule: 'invalid-test-case', pointer: '/tests/0/steps/2/actor', … }
 */
export const invalidTestCase: LintRule = {
  id: 'invalid-test-case',
  severity: 'error',
  description: 'Un cas de test qui ne peut pas réussir.',
  check(context, report) {
    const byId = new Map<string, TransitionDefinition>();
    for (const t of context.transitions) if (!byId.has(t.id)) byId.set(t.id, t);
    context.tests.forEach((_, i) => {
      checkTest(context, byId, i, report);
    });
  },
};

function checkTest(
  context: LintContext,
  byId: ReadonlyMap<string, TransitionDefinition>,
  i: number,
  report: Report,
): void {
  const test = context.tests[i];
  let state = context.stateById.get(context.initialState);
  for (const [j, step] of asArray<unknown>(test?.steps).entries()) {
    if (!isObject(step) || state === undefined) return;
    const at = (...tokens: string[]) => pointer('tests', i, 'steps', j, ...tokens);
    const lead = `Le test ${quote(test?.name)}, étape ${j + 1} :`;
    const transition = byId.get(step['transition'] as string);
    if (transition === undefined) {
      report(at('transition'), `${lead} la transition ${quote(step['transition'])} n’existe pas.`);
      return; // The following steps start from an unknown state.
    }
    const leaves =
      transition.from === '*'
        ? state.kind === 'active'
        : asArray(transition.from).includes(state.id);
    if (!leaves || state.kind === 'final') {
      report(
        at('transition'),
        `${lead} ${describeTransition(transition)} ne part pas de ${describeState(state)}, où se trouve alors le dossier.`,
      );
    }
    if (!asArray(transition.by).includes(step['actor'])) {
      report(
        at('actor'),
        `${lead} le rôle ${quote(step['actor'])} n’a pas le droit de déclencher ${describeTransition(transition)}.`,
      );
    }
    const expected = isObject(step['expect']) ? step['expect']['state'] : undefined;
    if (expected !== undefined && expected !== transition.to) {
      report(
        at('expect', 'state'),
        `${lead} le test attend l’état ${quote(expected)}, mais ${describeTransition(transition)} mène toujours à ${quote(transition.to)}.`,
      );
    }
    state = context.stateById.get(transition.to);
  }
}
