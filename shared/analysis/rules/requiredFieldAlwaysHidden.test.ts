import { describe, expect, it } from 'vitest';
import { pagedAidDefinition } from '../../testing/pagedAidDefinition.ts';
import { lintDefinition } from '../lintDefinition.ts';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { requiredFieldAlwaysHidden } from './requiredFieldAlwaysHidden.ts';

const pages = [
  { id: 'identite', title: 'Identité', fields: ['nom', 'prenom', 'email'] },
  { id: 'foyer', title: 'Foyer', fields: ['situation', 'conjoint', 'revenuMensuel'] },
];

describe('required-field-always-hidden', () => {
  it('accepts the sample, with or without pages', () => {
    expect(lintRule(requiredFieldAlwaysHidden)).toEqual([]);
    expect(
      lintRule(requiredFieldAlwaysHidden, (d) => {
        d.form.pages = structuredClone(pages);
      }),
    ).toEqual([]);
  });

  it('flags a required field declared nowhere, at the top or nested', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      const schema = d.form.schema as { required: string[]; properties: Record<string, unknown> };
      schema.required.push('iban');
      schema.properties['adresse'] = {
        type: 'object',
        properties: { ville: {} },
        required: ['cp'],
      };
    });
    expect(pointers(found)).toEqual([
      '/form/schema/properties/adresse/required/0',
      '/form/schema/required/5',
    ]);
    expect(found[0]?.message).toContain('« adresse.cp »');
  });

  it('flags a required field placed on no page, or only on pages never shown', () => {
    const none = lintRule(requiredFieldAlwaysHidden, (d) => {
      d.form.pages = structuredClone(pages);
      d.form.pages[0]!.fields = ['nom', 'prenom'];
    });
    expect(pointers(none)).toEqual(['/form/schema/required/2']);
    expect(none[0]?.message).toContain('« email » n’apparaît sur aucune page');
    const conditional = lintRule(requiredFieldAlwaysHidden, (d) => {
      d.form.pages = structuredClone(pages);
      d.form.pages[1]!.condition = {
        properties: { situation: { const: 'veuve' } },
        required: ['situation'],
      };
    });
    expect(pointers(conditional)).toEqual([
      '/form/schema/required/3',
      '/form/schema/required/4',
      '/form/schema/then/required/0',
    ]);
    expect(conditional[0]?.message).toContain('jamais affichées (« Foyer »)');
  });

  it('flags a required field whose page is shown only once that field is answered', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      const schema = d.form.schema as { required: string[] };
      schema.required.push('conjoint');
      d.form.pages = [
        ...structuredClone(pages),
        {
          id: 'conjoint',
          title: 'Conjoint',
          fields: ['conjoint'],
          condition: { required: ['conjoint'] },
        },
      ];
      d.form.pages[1]!.fields = ['situation', 'revenuMensuel'];
    });
    expect(pointers(found)).toEqual(['/form/schema/required/5']);
    expect(found[0]?.message).toContain('jamais affichées (« Conjoint »)');
  });

  it('flags a page that depends on an answer asked only on a page never shown', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      d.form.pages = [
        { id: 'identite', title: 'Identité', fields: ['nom', 'prenom', 'email'] },
        {
          id: 'foyer',
          title: 'Foyer',
          fields: ['situation'],
          condition: { properties: { nom: { const: 42 } }, required: ['nom'] },
        },
        {
          id: 'ressources',
          title: 'Ressources',
          fields: ['revenuMensuel', 'conjoint'],
          condition: { required: ['situation'] },
        },
      ];
    });
    expect(pointers(found)).toEqual([
      '/form/schema/required/3',
      '/form/schema/required/4',
      '/form/schema/then/required/0',
    ]);
    expect(found.map((f) => f.message).join()).toContain('« Ressources »');
  });

  it('accepts a conditional page that depends on an answer of a page shown before it', () => {
    expect(
      lintRule(requiredFieldAlwaysHidden, (d) => {
        d.form.pages = [
          { id: 'identite', title: 'Identité', fields: ['nom', 'prenom', 'email', 'situation'] },
          { id: 'ressources', title: 'Ressources', fields: ['revenuMensuel'] },
          {
            id: 'conjoint',
            title: 'Conjoint',
            fields: ['conjoint'],
            condition: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
          },
        ];
      }),
    ).toEqual([]);
  });

  it('accepts a required field on a conditional page (required only while shown)', () => {
    expect(lintDefinition(pagedAidDefinition).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('accepts computed fields, and hidden ones with a default', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      d.form.pages = structuredClone(pages);
      d.form.pages[1]!.fields = ['situation', 'conjoint'];
      d.computed = [{ field: 'revenuMensuel', expression: 0 }];
      (d.form.uiSchema as Record<string, unknown>)['email'] = { 'ui:widget': 'hidden' };
      (d.form.schema as { properties: Record<string, Record<string, unknown>> }).properties[
        'email'
      ]!['default'] = 'x@y.fr';
    });
    expect(found).toEqual([]);
  });

  it('flags a required field hidden by its widget', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      (d.form.uiSchema as Record<string, unknown>)['nom'] = { 'ui:widget': 'hidden' };
    });
    expect(pointers(found)).toEqual(['/form/schema/required/0']);
  });

  it('warns about a requirement whose condition never holds', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      const schema = d.form.schema as Record<string, unknown>;
      schema['if'] = { properties: { situation: { const: 'Couple' } }, required: ['situation'] };
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/form/schema/then/required/0' }]);
    expect(found[0]?.message).toContain('« Couple », qui n’est pas proposé par le formulaire');
  });

  it('does not call a condition dead when it holds for an absent field', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      const schema = d.form.schema as Record<string, unknown>;
      schema['allOf'] = [
        { if: { properties: { conjoint: { const: 5 } } }, then: { required: ['email'] } },
      ];
      schema['else'] = { required: ['nom'] };
      schema['if'] = true;
    });
    expect(pointers(found)).toEqual(['/form/schema/else/required/0']);
  });
});

describe('required-field-always-hidden and alternatives', () => {
  it('accepts a field on no page when another anyOf branch can be met', () => {
    const found = lintRule(requiredFieldAlwaysHidden, (d) => {
      (d.form.schema as Record<string, unknown>)['anyOf'] = [
        { required: ['email'] },
        { required: ['nom'] },
      ];
      d.form.pages = structuredClone(pages);
      d.form.pages[0]!.fields = ['nom', 'prenom'];
      const schema = d.form.schema as { required: string[] };
      schema.required = schema.required.filter((name) => name !== 'email');
    });
    expect(found).toEqual([]);
  });
});
