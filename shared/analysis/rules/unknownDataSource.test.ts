import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unknownDataSource } from './unknownDataSource.ts';

describe('unknown-data-source', () => {
  it('accepts a field naming a declared source', () => {
    const found = lintRule(unknownDataSource, (d) => {
      d.dataSources = [{ id: 'communes', kind: 'table', table: 'communes' }];
      (d.form.schema as { properties: Record<string, unknown> }).properties['commune'] = {
        type: 'string',
        'x-source': 'communes',
      };
    });
    expect(found).toEqual([]);
  });

  it('flags a field, even inside a repeated group, naming an undeclared source', () => {
    const found = lintRule(unknownDataSource, (d) => {
      d.dataSources = [{ id: 'communes', kind: 'table', table: 'communes' }];
      (d.form.schema as { properties: Record<string, unknown> }).properties['commune'] = {
        type: 'string',
        'x-source': 'commune',
      };
      (d.form.schema as { properties: Record<string, unknown> }).properties['enfants'] = {
        type: 'array',
        items: { type: 'object', properties: { ecole: { type: 'string', 'x-source': 'ecoles' } } },
      };
    });
    expect(pointers(found)).toEqual([
      '/form/schema/properties/commune',
      '/form/schema/properties/enfants/items/properties/ecole',
    ]);
    expect(found[0]?.message).toContain('« commune »');
    expect(found[1]?.message).toContain('« enfants.ecole »');
  });
});
