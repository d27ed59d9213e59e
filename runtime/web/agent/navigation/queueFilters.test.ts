import { describe, expect, it } from 'vitest';
import { filtersFromSearch, listInputOf, searchFromFilters } from './queueFilters.ts';

const demarche = '0b7d5a3e-3c1f-4c55-9a3b-2f0e8f5c1a11';

describe('queue filters in the address bar', () => {
  it('round-trips every filter through the query string', () => {
    const filters = {
      demarcheId: demarche,
      state: 'depose',
      only: 'overdue' as const,
      unit: 'ccas',
      dueBefore: '2026-04-30',
      priority: 'urgent' as const,
      text: 'Martin Lyon',
      fields: { commune: '75056', situation: 'couple' },
      sort: 'dueAt' as const,
    };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('drops what the server would refuse instead of failing the screen', () => {
    expect(
      filtersFromSearch(
        '?demarche=1%27%20or%201=1&seulement=tout&tri=random&priorite=max&echeance=demain&champ.1bad=x&champ.ok=',
      ),
    ).toEqual({});
  });

  it('turns a screen into the list query the server takes', () => {
    expect(listInputOf({ state: 'depose', only: 'mine', dueBefore: '2026-04-30' })).toEqual({
      limit: 100,
      states: ['depose'],
      assignee: 'me',
      dueBefore: '2026-04-30T23:59:59.999Z',
    });
    expect(listInputOf({ only: 'unassigned', priority: 'high', fields: { a: 'b' } })).toEqual({
      limit: 100,
      assignee: 'none',
      priority: ['high'],
      fields: { a: 'b' },
    });
    expect(searchFromFilters({})).toBe('');
  });
});
