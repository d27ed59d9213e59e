import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { incompleteDataSource } from './incompleteDataSource.ts';

describe('incomplete-data-source', () => {
  it('accepts complete sources', () => {
    const found = lintRule(incompleteDataSource, (d) => {
      d.dataSources = [
        { id: 'a', kind: 'static', options: [{ value: 'x', label: 'X' }] },
        { id: 'b', kind: 'table', table: 'communes' },
        { id: 'c', kind: 'url', url: 'https://api.example.fr/communes' },
      ];
    });
    expect(found).toEqual([]);
  });

  it('flags sources missing what their kind needs', () => {
    const found = lintRule(incompleteDataSource, (d) => {
      d.dataSources = [
        { id: 'a', kind: 'static', options: [] },
        { id: 'b', kind: 'table' },
        { id: 'c', kind: 'url', url: '' },
      ];
    });
    expect(pointers(found)).toEqual(['/dataSources/0', '/dataSources/1', '/dataSources/2']);
    expect(found[1]?.message).toContain('la table de référence');
  });
});
