import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { submitWithoutValidation } from './submitWithoutValidation.ts';

describe('submit-without-validation', () => {
  it('accepts a submission that validates the form', () => {
    expect(lintRule(submitWithoutValidation)).toEqual([]);
  });

  it('warns about a submission that does not', () => {
    const found = lintRule(
      submitWithoutValidation,
      (d) => void delete d.workflow.transitions[0]!.validateForm,
    );
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/workflow/transitions/0' }]);
  });

  it('accepts abandoning a draft without validation', () => {
    const found = lintRule(submitWithoutValidation, (d) => {
      d.workflow.transitions.push({
        id: 'abandon',
        label: 'Abandonner',
        from: ['brouillon'],
        to: 'retire',
        by: ['applicant'],
      });
    });
    expect(found).toEqual([]);
  });
});
