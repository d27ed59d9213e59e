import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unusedTemplate } from './unusedTemplate.ts';

describe('unused-template', () => {
  it('accepts the sample: every template is sent', () => {
    expect(lintRule(unusedTemplate)).toEqual([]);
  });

  it('warns about templates no effect names, per kind', () => {
    const found = lintRule(unusedTemplate, (d) => {
      d.workflow.transitions[5]!.effects = [
        { type: 'notify', template: 'accord', to: { kind: 'applicant' } },
      ];
    });
    expect(pointers(found)).toEqual(['/letters/0']);
    expect(found[0]?.severity).toBe('warning');
  });
});
