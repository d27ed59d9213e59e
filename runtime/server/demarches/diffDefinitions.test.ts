import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { diffDefinitions } from './diffDefinitions.ts';

const base = () => structuredClone(socialAidDefinition);

describe('diffDefinitions', () => {
  it('finds nothing between equal documents, whatever their key order', () => {
    const reordered = Object.fromEntries(Object.entries(base()).reverse());
    expect(diffDefinitions(base(), reordered)).toEqual([]);
  });

  it('reports an inserted state as one addition, and later changes at both indexes', () => {
    const next = base();
    next.workflow.states.splice(1, 0, { id: 'pre_depot', label: 'Pré-dépôt', kind: 'active' });
    next.workflow.states[3]!.label = 'Instruction';
    expect(diffDefinitions(base(), next)).toEqual([
      {
        kind: 'added',
        path: '/workflow/states/1',
        after: { id: 'pre_depot', label: 'Pré-dépôt', kind: 'active' },
      },
      {
        kind: 'changed',
        path: '/workflow/states/3/label',
        fromPath: '/workflow/states/2/label',
        before: 'En instruction',
        after: 'Instruction',
      },
    ]);
  });

  it('reports removals at their old place and moves with both places', () => {
    const next = base();
    const [deposer] = next.workflow.transitions.splice(0, 1);
    const retirer = next.workflow.transitions.pop()!;
    next.workflow.transitions.unshift(retirer);
    expect(diffDefinitions(base(), next)).toEqual([
      {
        kind: 'removed',
        path: '/workflow/transitions/0',
        fromPath: '/workflow/transitions/0',
        before: deposer,
      },
      {
        kind: 'moved',
        path: '/workflow/transitions/0',
        fromPath: '/workflow/transitions/7',
        before: retirer,
        after: retirer,
      },
    ]);
  });

  it('escapes pointer segments and compares values of any shape', () => {
    const before = { form: { uiSchema: { 'ui:order': ['a'], 'a/b': 1 } } };
    const after = { form: { uiSchema: { 'ui:order': ['a', 'b'], 'a/b': 2 } } };
    expect(diffDefinitions(before, after)).toEqual([
      { kind: 'added', path: '/form/uiSchema/ui:order/1', after: 'b' },
      {
        kind: 'changed',
        path: '/form/uiSchema/a~1b',
        fromPath: '/form/uiSchema/a~1b',
        before: 1,
        after: 2,
      },
    ]);
    expect(diffDefinitions('x', { a: 1 })).toEqual([
      { kind: 'changed', path: '', fromPath: '', before: 'x', after: { a: 1 } },
    ]);
  });
});
