import { describe, expect, it } from 'vitest';
import { grantDefinition } from '../testing/grantDefinition.ts';
import { lintDefinition } from './lintDefinition.ts';

describe('every rule on a démarche using the richer workflow constructs', () => {
  it('finds nothing to say: a context guard’s `data` part is read as form fields', () => {
    expect(lintDefinition(structuredClone(grantDefinition))).toEqual([]);
  });

  it('reports a context guard naming an unknown form field under data', () => {
    const definition = structuredClone(grantDefinition);
    definition.workflow.transitions[4]!.guard = { properties: { data: { required: ['avs'] } } };
    expect(lintDefinition(definition).map((d) => [d.rule, d.pointer])).toContainEqual([
      'unknown-field',
      '/workflow/transitions/4/guard/properties/data/required/0',
    ]);
  });

  it('reports a transition rule reading an unknown form field, or placed beside one', () => {
    const definition = structuredClone(grantDefinition);
    const accorder = definition.workflow.transitions.find((t) => t.id === 'accorder')!;
    const at = definition.workflow.transitions.indexOf(accorder);
    accorder.rules = [
      {
        id: 'plafond',
        field: 'montantAcorde',
        assert: { '<=': [{ var: 'input.montant' }, { var: 'montantDemandé' }] },
        message: 'Trop.',
      },
    ];
    const found = lintDefinition(definition).map((d) => [d.rule, d.pointer]);
    expect(found).toContainEqual(['unknown-field', `/workflow/transitions/${at}/rules/0/field`]);
    expect(found).toContainEqual([
      'unknown-field',
      `/workflow/transitions/${at}/rules/0/assert/<=/1/var`,
    ]);
  });

  it('reports a transition rule that cannot run', () => {
    const definition = structuredClone(grantDefinition);
    const accorder = definition.workflow.transitions.find((t) => t.id === 'accorder')!;
    accorder.rules = [
      { id: 'x', field: 'montant', assert: { plusPetit: [1, 2] }, message: 'Non.' },
    ];
    expect(lintDefinition(definition).map((d) => d.rule)).toContain('invalid-expression');
  });
});
