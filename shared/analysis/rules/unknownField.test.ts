import { describe, expect, it } from 'vitest';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { unknownField } from './unknownField.ts';

describe('unknown-field', () => {
  it('accepts the sample: every name exists in the form or the input forms', () => {
    expect(lintRule(unknownField)).toEqual([]);
  });

  it('flags a form section grouping a field the form does not declare', () => {
    const found = lintRule(unknownField, (d) => {
      d.form.sections = [{ id: 'identite', title: 'Identité', fields: ['nom', 'age'] }];
    });
    expect(pointers(found)).toEqual(['/form/sections/0/fields/1']);
    expect(found[0]?.message).toBe(
      'La section « Identité » regroupe le champ « age », qui n’existe pas dans le formulaire.',
    );
  });

  it('flags a guard naming an unknown field once, at its first mention', () => {
    const found = lintRule(unknownField, (d) => {
      d.workflow.transitions[5]!.guard = {
        properties: { revenu: { maximum: 1500 } },
        required: ['revenu'],
      };
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/5/guard/properties/revenu']);
    expect(found[0]?.message).toBe(
      'La condition de la transition « Accepter » (accepter) porte sur le champ « revenu », qui n’existe pas dans le formulaire.',
    );
  });

  it('follows nested objects and arrays of the form', () => {
    const found = lintRule(unknownField, (d) => {
      const schema = d.form.schema as { properties: Record<string, unknown> };
      schema.properties['adresse'] = { type: 'object', properties: { ville: { type: 'string' } } };
      schema.properties['enfants'] = {
        type: 'array',
        items: { type: 'object', properties: { age: { type: 'integer' } } },
      };
      d.routing[0]!.when = {
        properties: {
          adresse: { properties: { ville: { const: 'Lyon' }, vile: { const: 'Lyon' } } },
          enfants: { contains: { properties: { age: { maximum: 3 }, agee: {} } } },
        },
      };
      d.computed = [
        { field: 'nom', expression: { cat: [{ var: 'adresse.ville' }, { var: 'enfants.0.ag' }] } },
      ];
    });
    expect(pointers(found)).toEqual([
      '/routing/0/when/properties/adresse/properties/vile',
      '/routing/0/when/properties/enfants/contains/properties/agee',
      '/computed/0/expression/cat/1/var',
    ]);
    expect(found[1]?.message).toContain('« enfants[].agee »');
  });

  it('knows fields declared only in a conditional branch, and free-form objects', () => {
    const found = lintRule(unknownField, (d) => {
      const schema = d.form.schema as Record<string, unknown>;
      schema['then'] = { properties: { pension: { type: 'number' } }, required: ['conjoint'] };
      (schema['properties'] as Record<string, unknown>)['extra'] = { type: 'object' };
      d.workflow.transitions[5]!.guard = {
        properties: { pension: {}, extra: { properties: { x: {} } } },
      };
    });
    expect(found).toEqual([]);
  });

  it('checks pages, editable fields, computed targets, ui:order and the form’s own tests', () => {
    const found = lintRule(unknownField, (d) => {
      d.form.pages = [
        { id: 'p1', title: 'Identité', fields: ['nom', 'age'], condition: { required: ['x'] } },
      ];
      d.workflow.states[3]!.editable = [{ fields: ['email', 'telephone'], by: ['applicant'] }];
      d.computed = [{ field: 'total', expression: { missing: ['revenuMensuel', 'salaire'] } }];
      (d.form.uiSchema as Record<string, unknown>)['ui:order'] = ['nom', '*', 'nmo'];
      (d.form.schema as Record<string, unknown>)['if'] = {
        properties: { situatoin: { const: 'couple' } },
      };
    });
    expect(pointers(found)).toEqual([
      '/form/pages/0/condition/required/0',
      '/form/pages/0/fields/1',
      '/workflow/states/3/editable/0/fields/1',
      '/computed/0/field',
      '/computed/0/expression/missing/1',
      '/form/schema/if/properties/situatoin',
      '/form/uiSchema/ui:order/2',
    ]);
  });

  it('checks data placeholders in templates, with their line', () => {
    const found = lintRule(unknownField, (d) => {
      d.notifications[2]!.body =
        'Bonjour {{ data.prenom }},\n{% if data.revnu > 0 %}{{ data.revnu }}{% endif %}';
      d.letters[0]!.body = '{% for x in data.enfants %}{{ x.nom }}{% endfor %} {{ data.nom.size }}';
    });
    expect(pointers(found)).toEqual([
      '/notifications/2/body',
      '/notifications/2/body',
      '/letters/0/body',
    ]);
    expect(found[0]?.message).toBe(
      'Le modèle de notification « decision » (contenu) utilise {{ data.revnu }}, ligne 2, mais le formulaire n’a pas de champ « revnu ».',
    );
    expect(found[2]?.message).toContain('{{ data.enfants }}');
  });

  it('flags an input placeholder no transition sending the template asks for', () => {
    const found = lintRule(unknownField, (d) => {
      d.notifications[1]!.body = '{{ input.message }} {{ input.delai }}';
    });
    expect(pointers(found)).toEqual(['/notifications/1/body']);
    expect(found[0]?.message).toContain('ne demande le champ « delai »');
  });

  it('leaves unused templates and broken ones to other rules', () => {
    const found = lintRule(unknownField, (d) => {
      d.letters.push({ id: 'orphelin', title: 'x', body: '{{ input.rien }}' });
      d.letters[0]!.body = '{{ data.inconnu';
    });
    expect(found).toEqual([]);
  });
});

describe('unknown-field: expressions of form rules and effect conditions', () => {
  it('flags a rule on, or reading, a field the form does not declare', () => {
    const found = lintRule(unknownField, (d) => {
      d.form.rules = [
        {
          id: 'r',
          field: 'fin',
          assert: { '>': [{ var: 'fin' }, { var: 'debut' }] },
          message: 'm',
        },
      ];
    });
    expect(pointers(found)).toEqual([
      '/form/rules/0/field',
      '/form/rules/0/assert/>/0/var',
      '/form/rules/0/assert/>/1/var',
    ]);
  });

  it('flags an effect condition reading an unknown field, not the transition input', () => {
    const found = lintRule(unknownField, (d) => {
      d.workflow.transitions[0]!.effects![1]!.when = {
        and: [{ var: 'input.motif' }, { var: 'revenu' }],
      };
    });
    expect(pointers(found)).toEqual(['/workflow/transitions/0/effects/1/when/and/1/var']);
  });
});
