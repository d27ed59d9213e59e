import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { changedDefinition, minimalEdit, textOfDefinition } from './jsonText.ts';
import { definitionDiagnosticsOptions } from './monacoJsonOptions.ts';

describe('changedDefinition', () => {
  const text = textOfDefinition(socialAidDefinition);

  it('gives the edited document, and nothing for whitespace or broken JSON', () => {
    expect(changedDefinition(text, socialAidDefinition)).toBeNull();
    expect(changedDefinition(JSON.stringify(socialAidDefinition), socialAidDefinition)).toBeNull();
    expect(
      changedDefinition(text.replace('"Brouillon"', '"Brouillon'), socialAidDefinition),
    ).toBeNull();
    expect(changedDefinition('[]', socialAidDefinition)).toBeNull();
    const edited = changedDefinition(
      text.replace('"Brouillon"', '"En préparation"'),
      socialAidDefinition,
    );
    expect(edited?.workflow.states[0]?.label).toBe('En préparation');
  });
});

describe('minimalEdit', () => {
  it('replaces only what differs', () => {
    expect(minimalEdit('{"a":1}', '{"a":2}')).toEqual({ start: 5, end: 6, text: '2' });
    expect(minimalEdit('same', 'same')).toBeNull();
    expect(minimalEdit('abc', 'abxbc')).toEqual({ start: 2, end: 2, text: 'xb' });
  });

  it('always turns the old text into the new one (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const edit = minimalEdit(before, after);
        const result = edit
          ? before.slice(0, edit.start) + edit.text + before.slice(edit.end)
          : before;
        expect(result).toBe(after);
      }),
    );
  });
});

describe('definitionDiagnosticsOptions', () => {
  it('hands monaco the format schema, which refers only to itself: nothing is fetched', () => {
    const options = definitionDiagnosticsOptions();
    expect(options.enableSchemaRequest).toBe(false);
    const refs: string[] = [];
    JSON.stringify(options.schemas?.[0]?.schema, (key, value) => {
      if (key === '$ref') refs.push(value);
      return value;
    });
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ref).toMatch(/^#\/\$defs\//);
  });
});
