import { describe, expect, it } from 'vitest';
import { grantDefinition } from '../../testing/grantDefinition.ts';
import { lintRule } from '../testing/lintRule.ts';
import { staffFilingWithoutSubmit } from './staffFilingWithoutSubmit.ts';

const lint = (edit?: Parameters<typeof lintRule>[1]) =>
  lintRule(staffFilingWithoutSubmit, edit, grantDefinition);

describe('staff-filing-without-submit', () => {
  it('says nothing of a démarche staff do not file', () => {
    expect(lint()).toEqual([]);
  });

  it('accepts staff filing when the applicant may leave the draft', () => {
    expect(lint((d) => (d.access = { staff: { roles: ['agent'], applicant: 'person' } }))).toEqual(
      [],
    );
  });

  it('refuses staff filing when only agents may leave the draft', () => {
    const found = lint((d) => {
      d.access = { staff: { roles: ['agent'], applicant: 'self' } };
      for (const transition of d.workflow.transitions) {
        transition.by = (transition.by ?? []).filter((role) => role !== 'applicant');
        if (transition.by.length === 0) transition.by = ['agent'];
      }
    });
    expect(found).toMatchObject([{ pointer: '/access/staff', severity: 'error' }]);
    expect(found[0]?.message).toContain('dépôt');
  });
});
