import { hashForSchema, type RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from './pageErrors.ts';
import { precompiledValidator, rootValidator } from './precompiledValidator.ts';

const couple: RJSFSchema = {
  properties: { situation: { const: 'couple' } },
  required: ['situation'],
};
const root: RJSFSchema = {
  type: 'object',
  properties: { situation: { type: 'string' }, conjoint: { type: 'string' } },
  if: couple,
  then: { required: ['conjoint'] },
};
const isCouple: ValidateFunction = (data) =>
  (data as { situation?: unknown } | null)?.situation === 'couple';
const validators = { [hashForSchema(couple)]: isCouple, [hashForSchema(root)]: () => true };

describe('the precompiled validator RJSF asks', () => {
  it('decides a condition the same for the schema and for any copy of it', () => {
    const validator = precompiledValidator(validators);
    for (const schema of [
      couple,
      structuredClone(couple),
      { ...couple },
      structuredClone(couple),
    ]) {
      expect(validator.isValid(schema, { situation: 'couple' }, root)).toBe(true);
      expect(validator.isValid(schema, { situation: 'seul' }, root)).toBe(false);
    }
  });

  it('tells apart a copy whose content differs, and keeps closed what was not compiled', () => {
    const validator = precompiledValidator(validators);
    const other = structuredClone(couple);
    (other.properties as Record<string, RJSFSchema>).situation = { const: 'seul' };
    expect(validator.isValid(other, { situation: 'couple' }, root)).toBe(false);
    expect(validator.isValid(other, { situation: 'seul' }, root)).toBe(false);
  });

  it('finds the root validator for the schema and a copy', () => {
    expect(rootValidator(validators, root)).toBe(validators[hashForSchema(root)]);
    expect(rootValidator(validators, structuredClone(root))).toBe(validators[hashForSchema(root)]);
  });
});
