import { describe, expect, it } from 'vitest';
import { collectLogicReferences } from './logicReferences.ts';

const paths = (expression: unknown) =>
  collectLogicReferences(expression, '').map((r) => r.path.join('.'));

describe('collectLogicReferences', () => {
  it('finds var paths in every shape json-logic accepts', () => {
    expect(paths({ '*': [{ var: 'salaire' }, 0.01] })).toEqual(['salaire']);
    expect(paths({ var: ['adresse.ville', { var: 'defaut' }] })).toEqual([
      'adresse.ville',
      'defaut',
    ]);
    expect(paths({ if: [{ '<': [{ var: 'age' }, 18] }, 'mineur', 'majeur'] })).toEqual(['age']);
  });

  it('reads the names given to missing and missing_some', () => {
    expect(paths({ missing: ['nom', 'prenom'] })).toEqual(['nom', 'prenom']);
    expect(paths({ missing: 'nom' })).toEqual(['nom']);
    expect(paths({ missing_some: [1, ['tel', 'email']] })).toEqual(['tel', 'email']);
  });

  it('leaves out what runs on array elements, and dynamic or whole-data reads', () => {
    expect(paths({ map: [{ var: 'enfants' }, { var: 'age' }] })).toEqual(['enfants']);
    expect(
      paths({
        reduce: [
          { var: 'lignes' },
          { '+': [{ var: 'current' }, { var: 'accumulator' }] },
          { var: 'base' },
        ],
      }),
    ).toEqual(['lignes', 'base']);
    expect(paths({ var: '' })).toEqual([]);
    expect(paths({ var: { cat: ['a', 'b'] } })).toEqual([]);
    expect(paths({ nom: { var: 'x' }, age: 3 })).toEqual([]); // a literal object, not an operation
  });

  it('points at each read', () => {
    expect(
      collectLogicReferences({ '/': [{ var: 'a' }, { var: ['b'] }] }, '/computed/0/expression'),
    ).toEqual([
      { path: ['a'], pointer: '/computed/0/expression/~1/0/var' },
      { path: ['b'], pointer: '/computed/0/expression/~1/1/var/0' },
    ]);
  });
});
