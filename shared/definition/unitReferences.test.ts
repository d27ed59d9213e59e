import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { definitionSchema } from './definitionSchema.ts';
import type { DemarcheDefinition } from './types.ts';
import { unitReferences } from './unitReferences.ts';

describe('unitReferences', () => {
  it('finds the owner unit, routing rules, state owners and assign effects, with pointers', () => {
    const definition: DemarcheDefinition = structuredClone(socialAidDefinition);
    definition.meta.ownerUnit = 'ccas';
    definition.workflow.states[1]!.owner = { role: 'agent', unit: 'accueil' };
    definition.workflow.transitions[2]!.effects = [
      { type: 'assign', agent: 'actor' },
      { type: 'assign', unit: 'instruction' },
    ];
    expect(unitReferences(definition)).toEqual([
      { code: 'ccas', pointer: '/meta/ownerUnit' },
      { code: 'ccas-familles', pointer: '/routing/0/unit' },
      { code: 'ccas', pointer: '/routing/1/unit' },
      { code: 'accueil', pointer: '/workflow/states/1/owner/unit' },
      { code: 'instruction', pointer: '/workflow/transitions/2/effects/1/unit' },
    ]);
  });

  // A new construct naming a unit must be added to unitReferences, or publish would let
  // an unknown code through: count the format's references to `unitCode`.
  it('covers every place the format types as a unit code', () => {
    const refs = JSON.stringify(definitionSchema).split('"#/$defs/unitCode"').length - 1;
    expect(refs).toBe(4);
  });
});
