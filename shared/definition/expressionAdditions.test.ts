import { describe, expect, it } from 'vitest';
import { holidayAidDefinition } from '../testing/holidayAidDefinition.ts';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { validateDefinition } from './validateDefinition.ts';

function problemPointers(json: unknown): string[] {
  const result = validateDefinition(json);
  return result.ok ? [] : result.error.map((problem) => problem.pointer);
}

describe('format 2, optional additions: form rules and conditional effects', () => {
  it('accepts a démarche with computed values, form rules and effects with `when`', () => {
    expect(validateDefinition(holidayAidDefinition)).toEqual({
      ok: true,
      value: holidayAidDefinition,
    });
  });

  it('keeps every document without them valid', () => {
    expect(validateDefinition(socialAidDefinition).ok).toBe(true);
  });

  it.each([
    ['without a message', { id: 'r', field: 'fin', assert: true }, '/form/rules/0'],
    [
      'with an empty message',
      { id: 'r', field: 'fin', assert: true, message: '' },
      '/form/rules/0/message',
    ],
    [
      'with an unknown key',
      { id: 'r', field: 'fin', assert: true, message: 'm', x: 1 },
      '/form/rules/0/x',
    ],
    ['with a bad id', { id: 'a b', field: 'fin', assert: true, message: 'm' }, '/form/rules/0/id'],
  ])('refuses a rule %s', (_label, rule, pointer) => {
    const definition = structuredClone(holidayAidDefinition);
    definition.form.rules = [rule as never];
    expect(problemPointers(definition)).toContain(pointer);
  });
});
