import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { ruleOnHiddenField } from './ruleOnHiddenField.ts';

const rule = { id: 'revenu-positif', field: 'revenuMensuel', assert: true, message: 'm' };

describe('rule-on-hidden-field', () => {
  it('accepts a rule on a field the citizen sees', () => {
    expect(
      lintRule(ruleOnHiddenField, (d) => {
        d.form.rules = [rule];
      }),
    ).toEqual([]);
  });

  it('flags a rule on a field placed on no page', () => {
    const found = lintRule(ruleOnHiddenField, (d) => {
      d.form.rules = [rule];
      d.form.pages = [
        { id: 'p', title: 'Identité', fields: ['nom', 'prenom', 'email', 'situation'] },
      ];
    });
    expect(pointers(found)).toEqual(['/form/rules/0/field']);
    expect(found[0]?.message).toBe(
      'La règle « revenu-positif » affiche son message à côté du champ « revenuMensuel », qui n’apparaît sur aucune page : l’usager ne verra pas pourquoi sa demande est refusée.',
    );
  });

  it('flags a rule on a field only on a page never shown', () => {
    const found = lintRule(ruleOnHiddenField, (d) => {
      d.form.rules = [rule];
      d.form.pages = [
        { id: 'p', title: 'Identité', fields: ['nom', 'prenom', 'email', 'situation'] },
        { id: 'r', title: 'Revenus', fields: ['revenuMensuel'], condition: false },
      ];
    });
    expect(pointers(found)).toEqual(['/form/rules/0/field']);
  });
});
