import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluateExpression.ts';
import { OPERATIONS } from './operations.ts';

const names = Object.keys(OPERATIONS);
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('2026-02-29', '2024-02-29', '2026-09-01', 'loyer', 'enfants'),
  fc.record({ var: fc.constantFrom('loyer', 'naissance', 'enfants', 'enfants.0.age', 'x.y') }),
);
const { expression } = fc.letrec<{ expression: unknown }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom(...names, 'inconnu'), fc.array(tie('expression'), { maxLength: 4 }))
      .map(([op, args]) => ({ [op]: args })),
  ),
}));
// Answers reach the engine as parsed JSON, which has no -0: round-trip what fast-check makes.
const data = fc
  .dictionary(
    fc.constantFrom('loyer', 'naissance', 'enfants', 'x'),
    fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('2016-05-04', 'pas une date')),
  )
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
const today = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('evaluateExpression (property)', () => {
  it('is total: any expression on any data gives a result value, never a throw', () => {
    fc.assert(
      fc.property(expression, data, today, (e, d, t) => {
        const result = evaluateExpression(e, { data: d, today: t });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same expression, data and day give the same answer', () => {
    fc.assert(
      fc.property(expression, data, today, (e, d, t) => {
        const first = evaluateExpression(e, { data: d, today: t });
        const copy = structuredClone(d);
        expect(evaluateExpression(e, { data: copy, today: t })).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it('never changes the data it reads', () => {
    fc.assert(
      fc.property(expression, data, (e, d) => {
        const before = JSON.stringify(d);
        evaluateExpression(e, { data: d, today: '2026-12-03' });
        expect(JSON.stringify(d)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });
});
