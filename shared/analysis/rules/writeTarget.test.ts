import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, TransitionDefinition } from '../../definition/types.ts';
import { grantDefinition } from '../../testing/grantDefinition.ts';
import { lintRule } from '../testing/lintRule.ts';
import { writeTarget } from './writeTarget.ts';

const accorder = (d: DemarcheDefinition): TransitionDefinition => d.workflow.transitions[4]!;
const lint = (edit?: (d: DemarcheDefinition) => void) =>
  lintRule(writeTarget, edit, grantDefinition);

describe('write-target', () => {
  it('accepts writes of a declared input into a field of the same type', () => {
    expect(lint()).toEqual([]);
  });

  it('reports a field the form does not have', () => {
    const found = lint((d) => {
      accorder(d).writes = [{ field: 'montantAcorde', fromInput: 'montant' }];
    });
    expect(found).toMatchObject([{ pointer: '/workflow/transitions/4/writes/0/field' }]);
    expect(found[0]?.message).toContain('« montantAcorde », qui n’existe pas');
  });

  it('reports an input field the action does not ask for', () => {
    const found = lint((d) => {
      accorder(d).writes = [{ field: 'montantAccorde', fromInput: 'somme' }];
    });
    expect(found).toMatchObject([{ pointer: '/workflow/transitions/4/writes/0/fromInput' }]);
  });

  it('reports a type mismatch', () => {
    const found = lint((d) => {
      accorder(d).writes = [{ field: 'avis', fromInput: 'montant' }];
    });
    expect(found).toMatchObject([{ pointer: '/workflow/transitions/4/writes/0' }]);
    expect(found[0]?.message).toContain('(number) dans « avis » (string)');
  });

  it('reports a field the applicant may edit in the target state', () => {
    const found = lint((d) => {
      d.workflow.states[4]!.editable = [{ fields: '*', by: ['applicant'] }];
    });
    expect(found).toMatchObject([{ pointer: '/workflow/transitions/4/writes/0/field' }]);
    expect(found[0]?.message).toContain('Le demandeur peut modifier « montantAccorde »');
  });
});
