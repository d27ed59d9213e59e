import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { insecureDataSourceUrl } from './insecureDataSourceUrl.ts';

describe('insecure-data-source-url', () => {
  it('accepts https sources and ignores other kinds', () => {
    const found = lintRule(insecureDataSourceUrl, (d) => {
      d.dataSources = [
        { id: 'a', kind: 'url', url: 'https://opendata.example.fr/ecoles.json' },
        { id: 'b', kind: 'table', table: 'communes' },
      ];
    });
    expect(found).toEqual([]);
  });

  it('flags a source fetched in clear text', () => {
    const found = lintRule(insecureDataSourceUrl, (d) => {
      d.dataSources = [{ id: 'ecoles', kind: 'url', url: 'http://opendata.example.fr/ecoles' }];
    });
    expect(pointers(found)).toEqual(['/dataSources/0/url']);
    expect(found[0]?.message).toContain('https');
  });
});
