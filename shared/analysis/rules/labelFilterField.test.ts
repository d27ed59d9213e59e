import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { labelFilterField } from './labelFilterField.ts';

describe('label-filter-field', () => {
  it('accepts label on a choice field with labels', () => {
    const found = lintRule(labelFilterField, (d) => {
      d.form.uiSchema = {
        ...d.form.uiSchema,
        situation: { 'ui:enumNames': ['Seul', 'En couple'] },
      };
      d.letters[0]!.body = 'Situation : {{ data.situation | label: "situation" }}';
    });
    expect(found).toEqual([]);
  });

  it('warns on a misspelt field, a field without labels, and a missing argument', () => {
    const found = lintRule(labelFilterField, (d) => {
      d.letters[0]!.body = '{{ data.situation | label: "situaton" }}';
      d.letters[1]!.body = "{{ data.situation | label: 'situation' }}";
      d.notifications[0]!.body = '{{ data.situation | label }}';
    });
    expect(pointers(found)).toEqual([
      '/notifications/0/body',
      '/letters/0/body',
      '/letters/1/body',
    ]);
    expect(found[0]?.message).toContain('sans dire de quel champ');
    expect(found[1]?.message).toContain('« situaton », qui n’est pas un champ à choix');
    expect(found[0]?.severity).toBe('warning');
  });
});
