import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { embeddedSchemas } from './embeddedSchemas.ts';

describe('embeddedSchemas', () => {
  it('lists the form, guards, input forms and routing conditions of the sample', () => {
    expect(embeddedSchemas(socialAidDefinition).map((s) => [s.code, s.pointer])).toEqual([
      ['FORM_SCHEMA_INVALID', '/form/schema'],
      ['INPUT_SCHEMA_INVALID', '/workflow/transitions/2/input/schema'],
      ['GUARD_SCHEMA_INVALID', '/workflow/transitions/5/guard'],
      ['INPUT_SCHEMA_INVALID', '/workflow/transitions/6/input/schema'],
      ['ROUTING_SCHEMA_INVALID', '/routing/0/when'],
    ]);
  });

  it('includes page conditions and checks, and names each place for the admin', () => {
    const definition = {
      form: {
        schema: true,
        pages: [{ id: 'revenus', condition: { required: ['a'] }, checks: false }],
      },
    };
    expect(embeddedSchemas(definition).map((s) => s.name)).toEqual([
      'Le formulaire (form), schéma (schema)',
      'La page « revenus », condition d’affichage (condition)',
      'La page « revenus », vérifications (checks)',
    ]);
  });

  it('skips what is not a schema and survives any document', () => {
    expect(
      embeddedSchemas({ form: { schema: 'texte' }, workflow: { transitions: [null, 3] } }),
    ).toEqual([]);
    for (const json of [null, 'x', [], { routing: 'x' }]) expect(embeddedSchemas(json)).toEqual([]);
  });
});
