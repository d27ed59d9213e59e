import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../definition/types.ts';
import { grantDefinition } from '../../testing/grantDefinition.ts';
import { lintRule } from '../testing/lintRule.ts';
import { recipientField } from './recipientField.ts';

const lint = (edit?: (d: DemarcheDefinition) => void) =>
  lintRule(recipientField, edit, grantDefinition);
const AT = '/workflow/transitions/4/effects/0/to/field';

describe('recipient-field', () => {
  it('accepts a mail to a field declared as an e-mail address', () => {
    expect(lint()).toEqual([]);
  });

  it('reports a field the form does not have', () => {
    const found = lint((d) => {
      d.workflow.transitions[4]!.effects = [
        { type: 'notify', template: 'decision', to: { kind: 'field', field: 'courriel' } },
      ];
    });
    expect(found).toMatchObject([{ pointer: AT, severity: 'error' }]);
  });

  it('reports a field without format email', () => {
    const found = lint((d) => {
      d.workflow.transitions[4]!.effects = [
        { type: 'notify', template: 'decision', to: { kind: 'field', field: 'association' } },
      ];
    });
    expect(found).toMatchObject([{ pointer: AT }]);
    expect(found[0]?.message).toContain('format « email »');
  });
});
