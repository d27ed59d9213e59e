import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { invalidExpression } from './invalidExpression.ts';

describe('invalid-expression', () => {
  it('accepts well-formed expressions everywhere they may be', () => {
    const found = lintRule(invalidExpression, (d) => {
      d.computed = [
        { field: 'conjoint', expression: { cat: [{ var: 'nom' }, ' ', { var: 'prenom' }] } },
      ];
      d.form.rules = [
        {
          id: 'r',
          field: 'revenuMensuel',
          assert: { '>=': [{ var: 'revenuMensuel' }, 0] },
          message: 'm',
        },
      ];
      d.workflow.transitions[0]!.effects![1]!.when = { '<': [{ var: 'revenuMensuel' }, 1000] };
    });
    expect(found).toEqual([]);
  });

  it('flags an unknown operation, with the closest known one', () => {
    const found = lintRule(invalidExpression, (d) => {
      d.computed = [
        { field: 'conjoint', expression: { if: [true, { agee: [{ var: 'nom' }] }, 0] } },
      ];
    });
    expect(pointers(found)).toEqual(['/computed/0/expression/if/1/agee']);
    expect(found[0]?.message).toBe(
      'Le calcul de « conjoint » utilise l’opération inconnue « agee » : elle ne pourra pas être calculée. Vouliez-vous dire « age » ?',
    );
  });

  it('flags the wrong number of arguments in a rule and in an effect condition', () => {
    const found = lintRule(invalidExpression, (d) => {
      d.form.rules = [{ id: 'r', field: 'nom', when: { today: [1] }, assert: true, message: 'm' }];
      d.workflow.transitions[0]!.effects![1]!.when = { '==': [1] };
    });
    expect(pointers(found)).toEqual([
      '/form/rules/0/when/today',
      '/workflow/transitions/0/effects/1/when/==',
    ]);
    expect(found[1]?.message).toBe(
      'La condition d’un effet de la transition « Déposer ma demande » (deposer) donne à l’opération « == » un nombre d’arguments qu’elle n’accepte pas (elle attend 2 arguments).',
    );
  });
});
