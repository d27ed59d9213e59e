import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unknownTemplate } from './unknownTemplate.ts';

describe('unknown-template', () => {
  it('accepts the sample', () => {
    expect(lintRule(unknownTemplate)).toEqual([]);
  });

  it('flags a letter or notification effect naming no template', () => {
    const found = lintRule(unknownTemplate, (d) => {
      d.workflow.transitions[5]!.effects = [
        { type: 'letter', template: 'acord' },
        { type: 'notify', template: 'refus', to: { kind: 'applicant' } }, // a letter, not a mail
        { type: 'webhook', url: 'https://example.fr' },
      ];
    });
    expect(pointers(found)).toEqual([
      '/workflow/transitions/5/effects/0/template',
      '/workflow/transitions/5/effects/1/template',
    ]);
    expect(found[1]?.message).toContain('modèle de notification « refus »');
  });
});
