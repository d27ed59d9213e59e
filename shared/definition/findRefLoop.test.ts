import { describe, expect, it } from 'vitest';
import { findRefLoop } from './findRefLoop.ts';

const AT = '/workflow/transitions/3/guard';

// Issue 13, item 5: a guard `{ "$ref": "#" }` published, then every agent read of a
// dossier in that state answered 500 (ajv recursed until the stack overflowed).
describe('findRefLoop', () => {
  it.each([
    ['the schema itself', { $ref: '#' }, `${AT}/$ref`],
    [
      'a $defs entry naming itself',
      { $defs: { boucle: { $ref: '#/$defs/boucle' } }, $ref: '#/$defs/boucle' },
      `${AT}/$defs/boucle/$ref`,
    ],
    [
      'two entries naming each other through allOf',
      {
        $defs: { a: { allOf: [{ $ref: '#/$defs/b' }] }, b: { anyOf: [{ $ref: '#/$defs/a' }] } },
        properties: { x: { type: 'string' } },
      },
      `${AT}/$defs/b/anyOf/0/$ref`,
    ],
    ['the root through a conditional', { if: { $ref: '#' }, then: {} }, `${AT}/if/$ref`],
    [
      'a percent-encoded pointer',
      { $defs: { 'é t': { $ref: '#/$defs/%C3%A9%20t' } } },
      `${AT}/$defs/é t/$ref`,
    ],
  ])('finds a loop through %s', (_, schema, pointer) => {
    expect(findRefLoop(schema, AT)).toBe(pointer);
  });

  it.each([
    ['a recursive tree through properties', { properties: { enfants: { items: { $ref: '#' } } } }],
    ['a reference to another entry', { $defs: { nom: { type: 'string' } }, $ref: '#/$defs/nom' }],
    [
      'a chain that ends',
      { $defs: { a: { $ref: '#/$defs/b' }, b: { type: 'number' } }, $ref: '#/$defs/a' },
    ],
    ['a reference to another document', { $ref: 'https://example.fr/schema.json' }],
    ['a boolean schema', true],
  ])('accepts %s', (_, schema) => {
    expect(findRefLoop(schema, AT)).toBeNull();
  });
});
