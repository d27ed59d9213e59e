import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { routingWithoutDefault } from './routingWithoutDefault.ts';

describe('routing-without-default', () => {
  it('accepts routing ending with a default rule', () => {
    expect(lintRule(routingWithoutDefault)).toEqual([]);
  });

  it('accepts no routing at all', () => {
    expect(
      lintRule(routingWithoutDefault, (d) => {
        d.routing = [];
      }),
    ).toEqual([]);
  });

  it('warns when every rule has a condition', () => {
    const found = lintRule(routingWithoutDefault, (d) => void d.routing.pop());
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/routing' }]);
  });

  it('counts `true` and `{}` conditions as defaults', () => {
    expect(
      lintRule(routingWithoutDefault, (d) => {
        d.routing[1]!.when = {};
      }),
    ).toEqual([]);
    expect(
      lintRule(routingWithoutDefault, (d) => {
        d.routing[1]!.when = true;
      }),
    ).toEqual([]);
  });
});
