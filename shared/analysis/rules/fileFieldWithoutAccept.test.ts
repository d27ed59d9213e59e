import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { CHILD_FILE_FIELD, withFileFields } from '../testing/withFileFields.ts';
import { fileFieldWithoutAccept } from './fileFieldWithoutAccept.ts';

describe('file-field-without-accept', () => {
  it('accepts file fields that name their types', () => {
    expect(lintRule(fileFieldWithoutAccept, withFileFields({ accept: ['image/*'] }))).toEqual([]);
  });

  it('warns about file fields that do not, in repeated groups too', () => {
    expect(lintRule(fileFieldWithoutAccept, withFileFields({ maxBytes: 1000 }))).toMatchObject([
      { severity: 'warning', pointer: '/form/schema/properties/piece/x-file' },
      { severity: 'warning', pointer: CHILD_FILE_FIELD },
    ]);
  });
});
