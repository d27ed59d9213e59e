import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { checkBounds } from './checkBounds.ts';
import { DEFINITION_LIMITS } from './definitionLimits.ts';

describe('checkBounds', () => {
  it('lets a realistic definition through', () => {
    expect(checkBounds(socialAidDefinition)).toBeNull();
  });

  it('points at the first place nested too deep', () => {
    let nested: unknown = 'fond';
    for (let i = 0; i <= DEFINITION_LIMITS.maxDepth; i++) nested = { a: nested };
    const problem = checkBounds(nested);
    expect(problem?.code).toBe('TOO_LARGE');
    expect(problem?.pointer).toBe('/a'.repeat(DEFINITION_LIMITS.maxDepth + 1));
  });

  it('refuses too many values, even cheap ones', () => {
    const problem = checkBounds({ list: new Array(DEFINITION_LIMITS.maxValues).fill(0) });
    expect(problem).toEqual({
      code: 'TOO_LARGE',
      pointer: '',
      message: expect.stringContaining('trop d’éléments'),
    });
  });

  it('terminates on a cycle, which no JSON can hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(checkBounds(cyclic)?.code).toBe('TOO_LARGE');
  });
});
