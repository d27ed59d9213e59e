import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../shared/analysis/index.ts';
import { loadDefinition } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { applyDraftChange } from '../editing/index.ts';
import { choicesOf, newChoiceValue, withChoices } from './choices.ts';
import { TEXT_PATTERNS, withKeyword } from './validationPresets.ts';

describe('validation presets', () => {
  it.each(TEXT_PATTERNS.map((preset) => [preset.label, preset.pattern]))(
    '« %s » is a pattern the form dialect accepts',
    (_label, pattern) => {
      const definition = applyDraftChange(socialAidDefinition, {
        type: 'updateField',
        name: 'nom',
        schema: withKeyword({ type: 'string', title: 'Nom' }, 'pattern', pattern),
      });
      const loaded = loadDefinition(definition);
      expect(loaded.ok ? [] : loaded.error).toEqual([]);
      expect(lintDefinition(definition).filter((d) => d.severity === 'error')).toEqual([]);
    },
  );

  it('removes a keyword whose box was emptied', () => {
    expect(withKeyword({ type: 'string', maxLength: 5 }, 'maxLength', undefined)).toEqual({
      type: 'string',
    });
  });
});

describe('choices', () => {
  it('reads enum and oneOf, writes oneOf on the field or its items', () => {
    expect(choicesOf({ type: 'string', enum: ['seul', 'couple'] })).toEqual([
      { const: 'seul', title: 'seul' },
      { const: 'couple', title: 'couple' },
    ]);
    const single = withChoices({ type: 'string', enum: ['a'] }, [{ const: 'a', title: 'A' }]);
    expect(single).toEqual({ type: 'string', oneOf: [{ const: 'a', title: 'A' }] });
    const multiple = withChoices({ type: 'array', items: { type: 'string' } }, [
      { const: 'b', title: 'B' },
    ]);
    expect(choicesOf(multiple)).toEqual([{ const: 'b', title: 'B' }]);
  });

  it('gives a new choice a unique value from its label', () => {
    expect(newChoiceValue('Célibataire', [])).toBe('celibataire');
    expect(newChoiceValue('Célibataire', [{ const: 'celibataire', title: 'x' }])).toBe(
      'celibataire-2',
    );
  });
});
