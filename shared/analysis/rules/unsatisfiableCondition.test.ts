import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { unsatisfiableCondition } from './unsatisfiableCondition.ts';

describe('unsatisfiable-condition', () => {
  it('accepts satisfiable routing rules, page conditions and checks', () => {
    const found = lintRule(unsatisfiableCondition, (d) => {
      d.form.pages = [
        { id: 'a', title: 'Identité', fields: ['nom', 'prenom', 'email', 'situation'] },
        {
          id: 'b',
          title: 'Conjoint',
          fields: ['conjoint'],
          condition: { properties: { situation: { const: 'couple' } } },
          checks: { properties: { conjoint: { minLength: 2 } } },
        },
      ];
    });
    expect(found).toEqual([]);
  });

  it('warns about a routing rule and a page that can never apply', () => {
    const found = lintRule(unsatisfiableCondition, (d) => {
      d.routing[0]!.when = { properties: { situation: { const: 'Couple' } } };
      d.form.pages = [{ id: 'a', title: 'Tout', fields: ['nom'], condition: false }];
    });
    expect(found).toMatchObject([
      { severity: 'warning', pointer: '/routing/0/when/properties/situation' },
      { severity: 'warning', pointer: '/form/pages/0/condition' },
    ]);
    expect(found[1]?.message).toMatch(/^La page « Tout » ne sera jamais affichée\./);
  });

  it('flags checks that can never pass as an error', () => {
    const found = lintRule(unsatisfiableCondition, (d) => {
      d.form.pages = [
        {
          id: 'a',
          title: 'Revenus',
          fields: ['revenuMensuel'],
          checks: { properties: { revenuMensuel: { maximum: -1 } } },
        },
      ];
    });
    expect(found).toMatchObject([
      { severity: 'error', pointer: '/form/pages/0/checks/properties/revenuMensuel' },
    ]);
  });
});
