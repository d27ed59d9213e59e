import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormAjv } from './createFormAjv.ts';
import { schemaHolds } from './schemaHolds.ts';

const ATTACHMENT = '0b8e1c3a-5d2f-4e6a-9b7c-1d2e3f4a5b6c';
const names = fc.constantFrom('a', 'b', 'situation');
const scalar = fc.oneof(
  fc.constantFrom(
    'couple',
    'seul',
    '',
    '75001',
    '2026-02-30',
    '2024-02-29',
    'a@b.fr',
    '👍x',
    ATTACHMENT,
  ),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, 19.99, 1500, true, false, null),
);
const bound = fc.integer({ min: 0, max: 3 });

/** Assertions of the subset, with values of the right shape (ajv's strict mode refuses others). */
const assertion = fc.oneof(
  fc.record({
    type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'array', 'object'),
  }),
  fc.record({
    type: fc.uniqueArray(fc.constantFrom('string', 'integer', 'null'), { minLength: 1 }),
  }),
  fc.record({ const: scalar }),
  fc.record({ enum: fc.uniqueArray(scalar, { minLength: 1, maxLength: 3 }) }),
  fc.record({ minimum: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ maximum: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ exclusiveMinimum: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ exclusiveMaximum: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ multipleOf: fc.constantFrom(0.01, 0.5, 2) }),
  fc.record({ minLength: bound }),
  fc.record({ maxLength: bound }),
  fc.record({ pattern: fc.constantFrom('^\\d{5}$', 'ou', '^[a-z]+$') }),
  fc.record({ format: fc.constantFrom('date', 'email', 'code-postal', 'siret', 'uuid') }),
  fc.record({ required: fc.uniqueArray(names, { minLength: 1 }) }),
  fc.record({ minItems: bound }),
  fc.record({ maxItems: bound }),
  fc.record({ uniqueItems: fc.boolean() }),
  fc.record({ minProperties: bound }),
  fc.record({ maxProperties: bound }),
  fc.record({ dependentRequired: fc.dictionary(names, fc.uniqueArray(names), { maxKeys: 2 }) }),
  // The dialect's keywords, which the library reads once rewritten to the shape they state.
  fc.constant({ 'x-file': { accept: ['application/pdf'] } }),
  fc.constant({ 'x-source': 'communes' }),
);

const { schema } = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    assertion,
    fc.boolean(),
    fc.record({ properties: fc.dictionary(names, tie('schema'), { maxKeys: 2 }) }),
    fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('schema') }),
    fc.record(
      { if: tie('schema'), then: tie('schema'), else: tie('schema') },
      { requiredKeys: ['if'] },
    ),
    fc.record({ items: tie('schema') }),
    fc.record(
      { contains: tie('schema'), minContains: bound, maxContains: bound },
      { requiredKeys: ['contains'] },
    ),
    fc.record({
      properties: fc.dictionary(names, tie('schema'), { maxKeys: 1 }),
      additionalProperties: tie('schema'),
    }),
    fc.record({ propertyNames: tie('schema') }),
  ),
}));

// Answers reach the validators as parsed JSON: round-trip what fast-check makes (no -0).
const data = fc
  .oneof(
    scalar,
    fc.dictionary(names, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 3 }),
    fc.array(scalar, { maxLength: 3 }),
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('schemaHolds (property)', () => {
  it('gives the answer ajv gives, on every schema of the subset ajv accepts', () => {
    const ajv = createFormAjv();
    let compared = 0;
    fc.assert(
      fc.property(schema, fc.array(data, { minLength: 1, maxLength: 4 }), (s, values) => {
        let validate: (value: unknown) => boolean;
        try {
          validate = ajv.compile(s as object);
        } catch {
          return; // strict mode refused it (e.g. minContains > maxContains): never published
        }
        compared += 1;
        for (const value of values) {
          expect({ schema: s, value, holds: schemaHolds(s, value) }).toEqual({
            schema: s,
            value,
            holds: validate(value),
          });
        }
      }),
      { numRuns: 600 },
    );
    // Most generated schemas are accepted: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(400);
  });
});
