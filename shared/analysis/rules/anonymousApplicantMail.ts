import { describeTransition } from '../support/describe.ts';
import { pointer } from '../support/pointer.ts';
import type { LintRule } from '../types.ts';

/**
 * `anonymous-applicant-mail`: a démarche open to visitors without an account
 * (`access.anonymous`) that mails « the applicant ». Such a visitor has no address on
 * file: the mail reaches citizens with an account only, and the others learn of the
 * change only on the tracking page. A warning: the admin may want exactly that, or may
 * rather send to a form field (`{ kind: 'field' }`).
 *
 * @example
 * // access.anonymous and to { kind: 'applicant' } on transition 4:
 * // { rule: 'anonymous-applicant-mail', pointer: '/workflow/transitions/4/effects/0/to', … }
 */
export const anonymousApplicantMail: LintRule = {
  id: 'anonymous-applicant-mail',
  severity: 'warning',
  description:
    'Une notification adressée au demandeur d’une démarche ouverte sans compte, qui n’a pas d’adresse connue.',
  check(context, report) {
    if (context.definition.access?.anonymous !== true) return;
    context.transitions.forEach((transition, index) => {
      (transition.effects ?? []).forEach((effect, j) => {
        if (effect.type !== 'notify' || effect.to?.kind !== 'applicant') return;
        report(
          pointer('workflow', 'transitions', index, 'effects', j, 'to'),
          `La notification de ${describeTransition(transition)} part au demandeur, mais un dossier déposé sans compte n’a pas d’adresse électronique : seuls les usagers avec un compte la recevront (les autres suivent leur dossier avec leur code). Adressez-la plutôt à un champ « adresse électronique » du formulaire si besoin.`,
        );
      });
    });
  },
};
