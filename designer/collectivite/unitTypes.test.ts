import { describe, expect, it } from 'vitest';
import { parentChoices, type UnitNode, unitOptionLabel } from './unitTypes.ts';

const node = (code: string, path: string[], archived = false): UnitNode => ({
  id: code,
  code,
  name: code.toUpperCase(),
  parentId: path.length > 1 ? path[path.length - 2]! : null,
  archived,
  depth: path.length - 1,
  path,
});

const tree = [
  node('ccas', ['ccas']),
  node('familles', ['ccas', 'familles']),
  node('mairie', ['mairie']),
  node('ancien', ['ancien'], true),
];

describe('parentChoices', () => {
  it('offers neither the unit, its sub-units nor archived units', () => {
    expect(parentChoices(tree, 'ccas').map((unit) => unit.code)).toEqual(['mairie']);
    expect(parentChoices(tree, null).map((unit) => unit.code)).toEqual([
      'ccas',
      'familles',
      'mairie',
    ]);
  });
  it('indents labels by depth', () => {
    expect(unitOptionLabel(tree[1]!)).toBe('\u00a0\u00a0FAMILLES (familles)');
  });
});
