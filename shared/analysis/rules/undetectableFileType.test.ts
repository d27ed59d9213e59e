import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { CHILD_FILE_FIELD, withFileFields } from '../testing/withFileFields.ts';
import { undetectableFileType } from './undetectableFileType.ts';

describe('undetectable-file-type', () => {
  it('accepts the types and families the server recognises', () => {
    const found = lintRule(
      undetectableFileType,
      withFileFields({ accept: ['application/pdf', 'image/*'] }),
    );
    expect(found).toEqual([]);
  });

  it('refuses a type the server cannot recognise from the content', () => {
    const found = lintRule(
      undetectableFileType,
      withFileFields({ accept: ['application/pdf', 'application/msword'] }, { accept: ['text/*'] }),
    );
    expect(found).toMatchObject([
      { severity: 'error', pointer: '/form/schema/properties/piece/x-file/accept/1' },
      { severity: 'error', pointer: `${CHILD_FILE_FIELD}/accept/0` },
    ]);
    expect(found[0]?.message).toContain('« application/msword »');
  });
});
