import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { relevantErrors } from './relevantErrors.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile({
  type: 'object',
  $defs: { id: { type: 'string', pattern: '^[a-z]+$' } },
  properties: {
    from: { anyOf: [{ type: 'array', items: { $ref: '#/$defs/id' } }, { const: '*' }] },
    kind: { enum: ['final', 'active'] },
    outcome: { type: 'string' },
  },
  if: { properties: { kind: { const: 'final' } }, required: ['kind'] },
  then: { required: ['outcome'] },
});

function kept(data: unknown): Array<[string, string]> {
  validate(data);
  return relevantErrors(validate.errors ?? []).map((e) => [e.instancePath, e.keyword]);
}

describe('relevantErrors', () => {
  it('keeps the anyOf error alone when the value has none of the shapes', () => {
    expect(kept({ from: 'depose' })).toEqual([['/from', 'anyOf']]);
  });

  it('keeps the precise error inside the shape the value has, through a $ref', () => {
    expect(kept({ from: ['Depose'] })).toEqual([['/from/0', 'pattern']]);
  });

  it('drops the `if` error above its `then` error', () => {
    expect(kept({ kind: 'final' })).toEqual([['', 'required']]);
  });
});
