import { describe, expect, it } from 'vitest';
import { codeFromHash } from './codeFromHash.ts';

describe('the code of a /suivi#code=… link', () => {
  it('is read from the fragment, trimmed', () => {
    expect(codeFromHash('#code=7KQ2-M9XD')).toBe('7KQ2-M9XD');
    expect(codeFromHash('#code=%207KQ2%20')).toBe('7KQ2');
  });

  it('is absent from an empty or unrelated fragment', () => {
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#code=')).toBeNull();
    expect(codeFromHash('#autre=1')).toBeNull();
  });
});
