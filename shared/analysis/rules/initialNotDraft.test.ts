import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { initialNotDraft } from './initialNotDraft.ts';

describe('initial-not-draft', () => {
  it('accepts a draft initial state', () => {
    expect(lintRule(initialNotDraft)).toEqual([]);
  });

  it('warns when dossiers start active', () => {
    const found = lintRule(initialNotDraft, (d) => {
      d.workflow.initialState = 'depose';
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/workflow/initialState' }]);
  });

  it('leaves an unknown initial state to unknown-state', () => {
    expect(
      lintRule(initialNotDraft, (d) => {
        d.workflow.initialState = 'x';
      }),
    ).toEqual([]);
  });
});
