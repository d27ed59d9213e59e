import { describe, expect, it } from 'vitest';
import { walkSchema } from './walkSchema.ts';

const pointers = (schema: unknown) => [...walkSchema(schema, '/s')].map((node) => node.pointer);

describe('walkSchema', () => {
  it('visits every subschema in document order, with its depth', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'array', items: { type: 'string' } }, 'b/c': { type: 'number' } },
      allOf: [{ if: { required: ['a'] }, then: { required: ['b/c'] } }],
      $defs: { code: { type: 'string' } },
    };
    expect([...walkSchema(schema, '/s')].map(({ pointer, depth }) => [pointer, depth])).toEqual([
      ['/s', 0],
      ['/s/properties/a', 1],
      ['/s/properties/a/items', 2],
      ['/s/properties/b~1c', 1],
      ['/s/allOf/0', 1],
      ['/s/allOf/0/if', 2],
      ['/s/allOf/0/then', 2],
      ['/s/$defs/code', 1],
    ]);
  });

  it('does not mistake data for schemas: a field named `pattern`, an enum value, a default', () => {
    const schema = {
      properties: { pattern: { type: 'string' } },
      enum: [{ properties: {} }],
      default: { not: {} },
      const: { items: {} },
    };
    expect(pointers(schema)).toEqual(['/s', '/s/properties/pattern']);
  });

  it('walks boolean-free: `true`/`false` subschemas and a boolean root have nothing to visit', () => {
    expect(pointers(true)).toEqual([]);
    expect(pointers({ additionalProperties: false, items: true })).toEqual(['/s']);
  });
});
