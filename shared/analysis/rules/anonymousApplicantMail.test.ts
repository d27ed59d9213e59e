import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../definition/types.ts';
import { grantDefinition } from '../../testing/grantDefinition.ts';
import { lintRule } from '../testing/lintRule.ts';
import { anonymousApplicantMail } from './anonymousApplicantMail.ts';

const lint = (edit?: (d: DemarcheDefinition) => void) =>
  lintRule(anonymousApplicantMail, edit, grantDefinition);

function mailToApplicant(d: DemarcheDefinition) {
  d.workflow.transitions[4]!.effects = [
    { type: 'notify', template: 'decision', to: { kind: 'applicant' } },
  ];
}

describe('anonymous-applicant-mail', () => {
  it('says nothing of a démarche for account holders only', () => {
    expect(lint(mailToApplicant)).toEqual([]);
  });

  it('warns when a démarche open without an account mails the applicant', () => {
    const found = lint((d) => {
      d.access = { anonymous: true };
      mailToApplicant(d);
    });
    expect(found).toMatchObject([
      { pointer: '/workflow/transitions/4/effects/0/to', severity: 'warning' },
    ]);
    expect(found[0]?.message).toContain('sans compte');
  });

  it('accepts a mail to a form field of a démarche open without an account', () => {
    const found = lint((d) => {
      d.access = { anonymous: true };
      d.workflow.transitions[4]!.effects = [
        { type: 'notify', template: 'decision', to: { kind: 'field', field: 'courriel' } },
      ];
    });
    expect(found).toEqual([]);
  });
});
