import { capitalise, describeTransition, quote } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import { asArray, isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

/**
 * `unknown-template`: a `notify` effect naming no notification, or a `letter` effect
 * naming no letter. The effect would fail at run time, after the dossier has moved.
 *
 * @example
 * // { type: 'letter', template: 'acord' } on transition 5, effect 0:
 * // { rule: 'unknown-template', pointer: '/workflow/transitions/5/effects/0/template', … }
 */
export const unknownTemplate: LintRule = {
  id: 'unknown-template',
  severity: 'error',
  description: 'Une notification ou une production de courrier qui nomme un modèle inexistant.',
  check(context, report) {
    const notifications = new Set(context.notifications.map((n) => n.id));
    const letters = new Set(context.letters.map((l) => l.id));
    context.transitions.forEach((transition, index) => {
      asArray<unknown>(transition.effects).forEach((effect, j) => {
        if (!isObject(effect)) return;
        const kind = effect['type'];
        if (kind !== 'notify' && kind !== 'letter') return;
        const known = kind === 'notify' ? notifications : letters;
        if (known.has(effect['template'] as string)) return;
        const what = kind === 'notify' ? 'le modèle de notification' : 'le modèle de courrier';
        report(
          pointer('workflow', 'transitions', index, 'effects', j, 'template'),
          `${capitalise(describeTransition(transition))} utilise ${what} ${quote(effect['template'])}, qui n’existe pas.`,
        );
      });
    });
  },
};
