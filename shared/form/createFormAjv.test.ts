import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { addFormDialect, createFormAjv, FORM_AJV_OPTIONS, FORM_DIALECT } from './createFormAjv.ts';

const compiles = (schema: object | boolean) => () => createFormAjv().compile(schema);

describe('createFormAjv', () => {
  it('compiles RJSF-style schemas with annotations and validates every error at once', () => {
    const validate = createFormAjv().compile({
      $schema: FORM_DIALECT,
      type: 'object',
      title: 'Demande',
      description: 'Vos informations',
      $comment: 'pour les agents',
      properties: {
        nom: { type: 'string', title: 'Nom', default: '', examples: ['Dupont'], minLength: 1 },
        age: { type: 'integer', readOnly: false, deprecated: false, minimum: 18 },
      },
      required: ['nom', 'age'],
    });
    expect(validate({ nom: 'Dupont', age: 30 })).toBe(true);
    expect(validate({ nom: '', age: 3 })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword).sort()).toEqual(['minLength', 'minimum']);
  });

  it('accepts the idioms of guards and conditions: no `type`, `then` naming parent fields, unions', () => {
    expect(
      compiles({ properties: { revenu: { maximum: 1500 } }, required: ['revenu'] }),
    ).not.toThrow();
    expect(
      compiles({
        type: 'object',
        properties: { situation: { enum: ['seul', 'couple'] }, conjoint: { type: 'string' } },
        if: { properties: { situation: { const: 'couple' } } },
        then: { required: ['conjoint'] },
      }),
    ).not.toThrow();
    const nullable = createFormAjv().compile({ type: ['string', 'null'] });
    expect(nullable(null)).toBe(true);
  });

  it('refuses another dialect: a draft-07 $schema and the keywords of older drafts', () => {
    expect(
      compiles({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'string' }),
    ).toThrow(/draft-07/);
    expect(compiles({ type: 'object', dependencies: { a: ['b'] } })).toThrow(/dependencies/);
    expect(compiles({ type: 'object', definitions: {} })).toThrow(/definitions/);
    expect(compiles({ type: 'string', nullable: true })).toThrow(/nullable/);
    expect(compiles({ type: 'object', dependentRequired: { a: ['b'] } })).not.toThrow();
  });

  it('is strict: unknown keywords, UI settings in the schema and unknown formats are errors', () => {
    expect(compiles({ type: 'string', minLenght: 3 })).toThrow(/minLenght/);
    expect(compiles({ type: 'string', 'ui:widget': 'textarea' })).toThrow(/ui:widget/);
    expect(compiles({ type: 'string', format: 'emial' })).toThrow(/emial/);
  });

  it('knows the ajv-formats formats and the two RJSF adds', () => {
    const ajv = createFormAjv();
    const email = ajv.compile({ type: 'string', format: 'email' });
    expect(email('marie@example.fr')).toBe(true);
    expect(email('marie@')).toBe(false);
    const file = ajv.compile({ type: 'string', format: 'data-url' });
    expect(file('data:application/pdf;name=avis.pdf;base64,JVBERi0=')).toBe(true);
    expect(file('avis.pdf')).toBe(false);
    const colour = ajv.compile({ type: 'string', format: 'color' });
    expect(colour('#1e40af')).toBe(true);
    expect(colour('pas une couleur')).toBe(false);
  });

  it('checks multiples of a decimal step as RJSF does', () => {
    const amount = createFormAjv().compile({ type: 'number', multipleOf: 0.01 });
    expect(amount(19.99)).toBe(true);
    expect(amount(19.995)).toBe(false);
  });

  it('extends an instance RJSF built, even twice, with the same dialect', () => {
    const ajv = addFormDialect(addFormDialect(new Ajv2020({ ...FORM_AJV_OPTIONS })));
    expect(() => ajv.compile({ type: 'object', dependencies: {} })).toThrow();
    expect(ajv.compile({ type: 'string', format: 'color' })('red')).toBe(true);
  });
});
