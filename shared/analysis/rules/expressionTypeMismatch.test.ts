import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { expressionTypeMismatch } from './expressionTypeMismatch.ts';

// The sample declares nom (text), revenuMensuel (number), email (text, format email).
describe('expression-type-mismatch', () => {
  it('accepts amounts on numbers and dates on date fields', () => {
    const found = lintRule(expressionTypeMismatch, (d) => {
      const schema = d.form.schema as { properties: Record<string, object> };
      schema.properties['naissance'] = { type: 'string', format: 'date' };
      schema.properties['revenuAnnuel'] = { type: 'number', readOnly: true };
      d.computed = [
        {
          field: 'revenuAnnuel',
          expression: { round: [{ '*': [{ var: 'revenuMensuel' }, 12] }, 2] },
        },
      ];
      d.form.rules = [
        {
          id: 'r',
          field: 'naissance',
          assert: { '<=': [{ var: 'naissance' }, { today: [] }] },
          message: 'm',
        },
        {
          id: 'a',
          field: 'naissance',
          assert: { '>=': [{ age: [{ var: 'naissance' }] }, 18] },
          message: 'm',
        },
      ];
    });
    expect(found).toEqual([]);
  });

  it('flags an amount computed from a text field', () => {
    const found = lintRule(expressionTypeMismatch, (d) => {
      const schema = d.form.schema as { properties: Record<string, object> };
      schema.properties['total'] = { type: 'number', readOnly: true };
      d.computed = [{ field: 'total', expression: { '*': [{ var: 'nom' }, 2] } }];
    });
    expect(pointers(found)).toEqual(['/computed/0/expression/*/0']);
    expect(found[0]?.message).toBe(
      'Le calcul de « total » utilise « nom » comme un nombre dans « * », mais ce champ est un texte : le résultat sera toujours inconnu.',
    );
  });

  it('flags an age from a text field without format date', () => {
    const found = lintRule(expressionTypeMismatch, (d) => {
      d.form.rules = [
        { id: 'r', field: 'nom', assert: { '>=': [{ age: [{ var: 'nom' }] }, 18] }, message: 'm' },
      ];
    });
    expect(pointers(found)).toEqual(['/form/rules/0/assert/>=/0/age/0']);
    expect(found[0]?.message).toContain('(sans « format: date »)');
  });

  it('flags a number compared with a date', () => {
    const found = lintRule(expressionTypeMismatch, (d) => {
      d.workflow.transitions[0]!.effects![1]!.when = {
        '<': [{ var: 'revenuMensuel' }, { today: [] }],
      };
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/0/effects/1/when/<']);
  });

  it('flags a computed value of another type than its field', () => {
    const found = lintRule(expressionTypeMismatch, (d) => {
      d.computed = [{ field: 'revenuMensuel', expression: { today: [] } }];
    });
    expect(pointers(found)).toEqual(['/computed/0/expression']);
    expect(found[0]?.message).toBe(
      'Le calcul de « revenuMensuel » donne une date, mais ce champ est un nombre : aucun brouillon ne pourrait plus être enregistré.',
    );
  });
});
