import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../definition/types.ts';
import { grantDefinition } from '../../testing/grantDefinition.ts';
import { lintRule } from '../testing/lintRule.ts';
import { unitFromInput } from './unitFromInput.ts';

const lint = (edit?: (d: DemarcheDefinition) => void) =>
  lintRule(unitFromInput, edit, grantDefinition);
const AT = '/workflow/transitions/3/effects/0/unitFromInput';

describe('unit-from-input', () => {
  it('accepts a unit code typed in a text input', () => {
    expect(lint()).toEqual([]);
  });

  it('reports an input field the action does not ask for', () => {
    const found = lint((d) => {
      d.workflow.transitions[3]!.effects = [{ type: 'assign', unitFromInput: 'unite' }];
    });
    expect(found).toMatchObject([{ pointer: AT }]);
  });

  it('reports an input field that is not text', () => {
    const found = lint((d) => {
      d.workflow.transitions[3]!.input = {
        schema: { type: 'object', properties: { service: { type: 'number' } } },
      };
    });
    expect(found[0]?.message).toContain('n’est pas un texte');
  });
});
