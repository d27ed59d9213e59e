import { describe, expect, it } from 'vitest';
import { buildFieldTree, ITEMS } from './fieldTree.ts';
import { formatPath, resolveField } from './resolveField.ts';

const form = {
  type: 'object',
  $defs: {
    adresse: { type: 'object', properties: { ville: { type: 'string' } }, required: ['ville'] },
  },
  properties: {
    adresse: { $ref: '#/$defs/adresse' },
    enfants: { type: 'array', items: { type: 'object', properties: { age: { type: 'integer' } } } },
    nom: { type: 'string' },
    libre: { type: 'object' },
    cles: { type: 'object', properties: { a: {} }, additionalProperties: { type: 'string' } },
    boucle: { $ref: '#/properties/boucle' },
  },
  allOf: [{ properties: { nom: { maxLength: 50 } } }],
  if: { properties: { test: {} } },
  then: { properties: { pension: { type: 'number' } } },
  required: ['nom'],
};

describe('buildFieldTree and resolveField', () => {
  const tree = buildFieldTree(form);
  const status = (...path: Array<string | typeof ITEMS>) => resolveField(tree, path).status;

  it('merges properties, local $refs, allOf and conditional branches, not `if`', () => {
    expect([...tree.properties.keys()]).toEqual([
      'adresse',
      'enfants',
      'nom',
      'libre',
      'cles',
      'boucle',
      'pension',
    ]);
    expect(status('adresse', 'ville')).toBe('found');
    expect(tree.properties.get('adresse')?.required.has('ville')).toBe(true);
    expect(tree.properties.get('nom')?.constraints).toHaveLength(2);
    expect(tree.properties.get('pension')?.constraints).toEqual([]); // conditional: no constraint
    expect(tree.required).toEqual(new Set(['nom']));
  });

  it('enters array items by marker or index, and knows what it cannot judge', () => {
    expect(status('enfants', ITEMS, 'age')).toBe('found');
    expect(status('enfants', '0', 'age')).toBe('found');
    expect(resolveField(tree, ['enfants', ITEMS, 'agee'])).toEqual({ status: 'missing', at: 2 });
    expect(status('libre', 'n_importe')).toBe('open');
    expect(status('cles', 'z')).toBe('open');
    expect(status('nom', 'x')).toBe('missing');
    expect(resolveField(tree, ['nom', 'size'], new Set(['size'])).status).toBe('open');
    expect(formatPath(['enfants', ITEMS, 'age'])).toBe('enfants[].age');
  });

  it('copes with boolean, empty and odd schemas', () => {
    expect(buildFieldTree(true).open).toBe(true);
    expect(buildFieldTree(false).properties.size).toBe(0);
    expect(buildFieldTree({ properties: [], allOf: 'x', $ref: 3 }).properties.size).toBe(0);
    expect(buildFieldTree({ type: 'string' }).open).toBe(false);
  });
});

describe('buildFieldTree on schemas being typed', () => {
  it('survives a malformed $ref and refs fanning out to each other', () => {
    expect(() => buildFieldTree({ properties: { a: { $ref: '#/$defs/%E0%A4%A' } } })).not.toThrow();
    const defs = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `d${i}`,
        {
          properties: Object.fromEntries(
            Array.from({ length: 12 }, (_, j) => [`p${j}`, { $ref: `#/$defs/d${j}` }]),
          ),
        },
      ]),
    );
    const tree = buildFieldTree({ $defs: defs, $ref: '#/$defs/d0' });
    expect(tree.properties.size).toBe(12);
    expect(resolveField(tree, ['p0', 'nowhere']).status).toBe('open'); // cut short: no guess
  });
});
