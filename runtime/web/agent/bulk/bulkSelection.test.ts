import { describe, expect, it } from 'vitest';
import { bulkTransitions } from './bulkTransitions.ts';
import { toggleSelection } from './selectionRange.ts';

const definition = {
  workflow: {
    transitions: [
      { id: 'deposer', label: 'Déposer', from: ['brouillon'], by: ['applicant'] },
      { id: 'prendre', label: 'Prendre en charge', from: ['depose'], by: ['agent'] },
      {
        id: 'refuser',
        label: 'Refuser',
        from: ['en_instruction'],
        by: ['agent', 'supervisor'],
        input: { schema: { type: 'object' } },
      },
      { id: 'expirer', label: 'Classer', from: ['depose'], by: ['system'], after: 'P30D' },
      { id: 'retirer', label: 'Retirer', from: '*', by: ['applicant'] },
    ],
  },
};

describe('bulkTransitions', () => {
  it('offers the staff transitions leaving a selected dossier’s state, once each', () => {
    const offered = bulkTransitions({ 'd:1': definition }, [
      { demarcheId: 'd', version: 1, state: 'depose' },
      { demarcheId: 'd', version: 1, state: 'depose' },
      { demarcheId: 'd', version: 1, state: 'en_instruction' },
    ]);
    expect(offered).toEqual([
      { transition: 'prendre', label: 'Prendre en charge', input: null },
      { transition: 'refuser', label: 'Refuser', input: { schema: { type: 'object' } } },
    ]);
  });

  it('offers nothing for a version not loaded yet or a malformed definition', () => {
    expect(bulkTransitions({}, [{ demarcheId: 'd', version: 1, state: 'depose' }])).toEqual([]);
    expect(
      bulkTransitions({ 'd:1': { workflow: { transitions: 'x' } } }, [
        { demarcheId: 'd', version: 1, state: 'depose' },
      ]),
    ).toEqual([]);
  });
});

describe('toggleSelection', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('toggles one row and moves the anchor', () => {
    const first = toggleSelection(ids, new Set(), null, 1, false);
    expect([...first.selected]).toEqual(['b']);
    expect(first.anchor).toBe(1);
    expect([...toggleSelection(ids, first.selected, 1, 1, false).selected]).toEqual([]);
  });

  it('extends from the anchor with Shift, in either direction, to the anchor’s state', () => {
    const ranged = toggleSelection(ids, new Set(['c']), 2, 0, true);
    expect([...ranged.selected].sort()).toEqual(['a', 'b', 'c']);
    const cleared = toggleSelection(ids, new Set(['a', 'b', 'd']), 2, 3, true);
    expect([...cleared.selected].sort()).toEqual(['a', 'b']);
  });
});
