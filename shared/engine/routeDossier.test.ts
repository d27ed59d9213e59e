import { describe, expect, it } from 'vitest';
import { socialAidDefinition as definition } from '../testing/socialAidDefinition.ts';
import { routeDossier } from './routeDossier.ts';

describe('routeDossier', () => {
  it('returns the unit of the first matching rule', () => {
    expect(routeDossier(definition, { situation: 'couple' })).toBe('ccas-familles');
    expect(routeDossier(definition, { situation: 'seul' })).toBe('ccas');
    expect(routeDossier(definition, {})).toBe('ccas');
  });

  it('returns null when no rule matches', () => {
    const onlyCouples = { ...definition, routing: definition.routing.slice(0, 1) };
    expect(routeDossier(onlyCouples, { situation: 'seul' })).toBeNull();
  });
});
