import { describe, expect, it } from 'vitest';
import { socialAidDefinition as definition } from '../testing/socialAidDefinition.ts';
import { apply } from './apply.ts';
import { routeDossier } from './routeDossier.ts';
import { agent, applicant, dossierIn, NOW, validData } from './testing/fixtures.ts';

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

describe('routing a dossier as it leaves its draft', () => {
  const withoutRouteEffect: typeof definition = {
    ...definition,
    workflow: {
      ...definition.workflow,
      transitions: definition.workflow.transitions.map((t) =>
        t.id === 'deposer' ? { ...t, effects: [] } : t,
      ),
    },
  };

  it('routes by the rules even when the submit transition has no route effect', () => {
    const draft = dossierIn('brouillon', {
      unit: null,
      data: { ...validData, situation: 'couple', conjoint: 'Paul' },
    });
    const result = apply(withoutRouteEffect, draft, { transition: 'deposer' }, {}, applicant, NOW);
    expect(result.ok && result.value.dossier.unit).toBe('ccas-familles');
  });

  it('keeps a unit the dossier already has, and does not route later transitions', () => {
    const routed = dossierIn('brouillon', { unit: 'mairie', data: validData });
    const submitted = apply(
      withoutRouteEffect,
      routed,
      { transition: 'deposer' },
      {},
      applicant,
      NOW,
    );
    expect(submitted.ok && submitted.value.dossier.unit).toBe('mairie');
    const unrouted = dossierIn('depose', { unit: null, data: validData });
    const taken = apply(
      withoutRouteEffect,
      unrouted,
      { transition: 'prendre_en_charge' },
      {},
      agent,
      NOW,
    );
    expect(taken.ok && taken.value.dossier.unit).toBeNull();
  });
});
