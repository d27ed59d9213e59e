import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unreachableRoutingRule } from './unreachableRoutingRule.ts';

describe('unreachable-routing-rule', () => {
  it('accepts a default rule in last position', () => {
    expect(lintRule(unreachableRoutingRule)).toEqual([]);
  });

  it('warns about every rule after the default', () => {
    const found = lintRule(unreachableRoutingRule, (d) => void d.routing.reverse());
    expect(pointers(found)).toEqual(['/routing/1']);
    expect(found[0]?.message).toContain('« couples »');
  });
});
