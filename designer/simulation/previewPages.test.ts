import { describe, expect, it } from 'vitest';
import type { FormPage } from '../../shared/definition/index.ts';
import { previewPages } from './previewPages.ts';

// The studio preview hides what the citizen app hides: the engine's page rule, run where
// code may be compiled (the simulation worker runs this very function).
const PAGES: FormPage[] = [
  { id: 'foyer', title: 'Votre foyer', fields: ['situation'] },
  {
    id: 'conjoint',
    title: 'Votre conjoint',
    fields: ['nomConjoint'],
    condition: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
  },
  {
    id: 'revenus-conjoint',
    title: 'Ses revenus',
    fields: ['revenusConjoint'],
    condition: { required: ['nomConjoint'] },
  },
];

describe('previewPages', () => {
  it('hides the pages whose condition fails, and those that depend on a hidden answer', () => {
    expect(previewPages(PAGES, { situation: 'seul', nomConjoint: 'Paul' })).toEqual({
      hiddenPages: ['conjoint', 'revenus-conjoint'],
      hiddenFields: ['nomConjoint', 'revenusConjoint'],
    });
    expect(previewPages(PAGES, { situation: 'couple', nomConjoint: 'Paul' })).toEqual({
      hiddenPages: [],
      hiddenFields: [],
    });
  });

  it('hides nothing for a form without conditions, and shows a page whose condition is broken', () => {
    expect(previewPages([PAGES[0]!], {})).toEqual({ hiddenPages: [], hiddenFields: [] });
    const broken: FormPage[] = [
      PAGES[0]!,
      { id: 'casse', title: 'Cassée', fields: ['x'], condition: { type: 'pas-un-type' } },
    ];
    expect(previewPages(broken, {})).toEqual({ hiddenPages: [], hiddenFields: [] });
  });
});
