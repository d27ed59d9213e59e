import { describe, expect, it } from 'vitest';
import { childPointer, pointer } from './pointer.ts';

describe('pointer', () => {
  it('joins tokens, escaping ~ and / as RFC 6901 says', () => {
    expect(pointer()).toBe('');
    expect(pointer('computed', 0, 'expression', '/', 'a~b')).toBe('/computed/0/expression/~1/a~0b');
    expect(childPointer('/form/uiSchema', 'ui:order', 2)).toBe('/form/uiSchema/ui:order/2');
  });
});
