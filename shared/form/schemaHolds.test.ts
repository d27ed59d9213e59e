import { describe, expect, it } from 'vitest';
import { createFormAjv } from './createFormAjv.ts';
import { schemaHolds } from './schemaHolds.ts';

/**
 * Each case says which values hold and which fail, and is run twice: through ajv with the
 * form dialect (what the server and the citizen's precompiled validators run) and through
 * \`schemaHolds\` (\`@cfworker/json-schema\` with the dialect adapted). Both must give the
 * written answer, so the studio agrees with the citizen app on every edge listed here.
 */
interface Case {
  name: string;
  schema: object | boolean;
  holds: unknown[];
  fails: unknown[];
}

const COUPLE = { properties: { situation: { const: 'couple' } }, required: ['situation'] };

const CASES: Case[] = [
  {
    name: 'a choice answered (const + required): the usual condition',
    schema: COUPLE,
    holds: [{ situation: 'couple' }, { situation: 'couple', autre: 1 }],
    // RJSF keeps a cleared answer as `undefined`: absent, as for ajv.
    fails: [{}, { situation: 'seul' }, { situation: undefined }, { situation: null }],
  },
  {
    name: 'const compares JSON deeply, keys in any order, 1 and 1.0 alike',
    schema: { const: { a: [1, { b: 2 }], c: null } },
    holds: [{ c: null, a: [1.0, { b: 2 }] }],
    fails: [{ a: [1, { b: 2 }] }, { a: [{ b: 2 }, 1], c: null }, { a: [1, { b: 2 }], c: {} }],
  },
  {
    name: 'enum of mixed types',
    schema: { enum: ['oui', 2, true, null, ['x']] },
    holds: ['oui', 2, true, null, ['x']],
    fails: ['non', '2', 1, false, ['x', 'y'], {}],
  },
  {
    name: 'type unions; integer means a whole number (2.0 is one)',
    schema: { type: ['integer', 'null'] },
    holds: [2, 2.0, -7, null],
    fails: [2.5, '2', true, [], {}],
  },
  {
    name: 'bounds apply to numbers only (a string passes them)',
    schema: { minimum: 0, exclusiveMaximum: 1500 },
    holds: [0, 1499.99, 'beaucoup', null],
    fails: [-0.01, 1500, 2000],
  },
  {
    name: 'maximum and exclusiveMinimum at the edge',
    schema: { exclusiveMinimum: 0, maximum: 10 },
    holds: [0.001, 10],
    fails: [0, 10.000001],
  },
  {
    name: 'multipleOf to 8 decimals, as RJSF and the server (amounts in euros)',
    schema: { multipleOf: 0.01 },
    holds: [19.99, 0.07, 100, 'texte'],
    fails: [19.999, 0.005],
  },
  {
    name: 'lengths count characters, not UTF-16 units',
    schema: { minLength: 2, maxLength: 3 },
    holds: ['ab', 'é👍x', '👍👍', 42],
    fails: ['👍', 'abcd', ''],
  },
  {
    name: 'pattern runs on RE2 with the ECMAScript meaning',
    schema: { pattern: '^\\d{5}$' },
    holds: ['75001', 75001],
    fails: ['7500', '750011', 'abcde'],
  },
  {
    name: 'French formats of the dialect',
    schema: { properties: { cp: { format: 'code-postal' }, siret: { format: 'siret' } } },
    holds: [{ cp: '75001', siret: '73282932000074' }, { cp: 75001 }],
    fails: [{ cp: '00000' }, { siret: '73282932000075' }],
  },
  {
    name: 'formats of ajv-formats: a date that does not exist, an e-mail, a uuid',
    schema: {
      properties: { d: { format: 'date' }, e: { format: 'email' }, u: { format: 'uuid' } },
    },
    holds: [{ d: '2024-02-29', e: 'a@b.fr', u: '0b8e1c3a-5d2f-4e6a-9b7c-1d2e3f4a5b6c' }, { d: 3 }],
    fails: [{ d: '2026-02-30' }, { e: 'pas une adresse' }, { u: 'pas-un-uuid' }],
  },
  {
    name: 'a multiple choice that includes an option (contains)',
    schema: { properties: { aides: { contains: { const: 'portage' } } }, required: ['aides'] },
    holds: [{ aides: ['menage', 'portage'] }],
    fails: [{ aides: [] }, { aides: ['menage'] }, {}],
  },
  {
    name: 'minContains and maxContains bound the matches',
    schema: { contains: { type: 'string' }, minContains: 2, maxContains: 3 },
    holds: [['a', 'b', 1], ['a', 'b', 'c'], 'pas une liste'],
    fails: [
      ['a', 1],
      ['a', 'b', 'c', 'd'],
    ],
  },
  {
    name: 'minContains 0: only the most matters',
    schema: { contains: { const: 'x' }, minContains: 0, maxContains: 1 },
    holds: [[], ['y'], ['x', 'y']],
    fails: [['x', 'x']],
  },
  {
    name: 'a tuple (prefixItems, as strict mode wants it: whole, nothing after)',
    schema: { prefixItems: [{ type: 'string' }, { type: 'integer' }], minItems: 2, items: false },
    holds: [['a', 1]],
    fails: [['a'], ['a', 'b'], ['a', 1, 2], [1, 1]],
  },
  {
    name: 'items, list sizes and unique items',
    schema: { items: { type: 'integer' }, minItems: 1, maxItems: 3, uniqueItems: true },
    holds: [[1], [1, 2, 3], 'pas une liste'],
    fails: [[], ['a'], [1, 1], [1, 2, 3, 4]],
  },
  {
    name: 'uniqueItems compares objects deeply',
    schema: { uniqueItems: true },
    holds: [[{ a: 1 }, { a: 2 }]],
    fails: [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
    ],
  },
  {
    name: 'anyOf, oneOf and not',
    schema: {
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
      oneOf: [{ required: ['a'] }, { required: ['c'] }],
      not: { required: ['d'] },
    },
    holds: [{ a: 1 }, { b: 1, c: 1 }],
    fails: [{}, { a: 1, c: 1 }, { a: 1, d: 1 }, { b: 1 }],
  },
  {
    name: 'nested if / then / else',
    schema: {
      if: COUPLE,
      then: { required: ['conjoint'] },
      else: { if: { required: ['enfants'] }, then: { properties: { enfants: { minimum: 1 } } } },
    },
    holds: [{ situation: 'couple', conjoint: 'Léa' }, {}, { enfants: 2 }],
    fails: [{ situation: 'couple' }, { enfants: 0 }],
  },
  {
    name: 'an income ceiling that depends on the household (allOf of conditions)',
    schema: {
      allOf: [
        { if: COUPLE, then: { properties: { revenu: { maximum: 2400 } } } },
        {
          if: { not: COUPLE },
          then: { properties: { revenu: { maximum: 1500 } } },
        },
      ],
    },
    holds: [
      { situation: 'couple', revenu: 2000 },
      { situation: 'seul', revenu: 1500 },
    ],
    fails: [{ situation: 'couple', revenu: 2500 }, { revenu: 1600 }],
  },
  {
    name: 'local references: $defs, an escaped pointer, a recursive tree',
    schema: {
      $defs: {
        'a/b': { type: 'string' },
        noeud: {
          properties: {
            enfants: { items: { $ref: '#/$defs/noeud' } },
            nom: { $ref: '#/$defs/a~1b' },
          },
        },
      },
      $ref: '#/$defs/noeud',
    },
    holds: [{ nom: 'racine', enfants: [{ nom: 'a', enfants: [{ nom: 'b' }] }] }],
    fails: [{ nom: 1 }, { enfants: [{ enfants: [{ nom: false }] }] }],
  },
  {
    name: 'objects: dependentRequired, dependentSchemas, propertyNames, sizes',
    schema: {
      dependentRequired: { iban: ['titulaire'] },
      dependentSchemas: { aidant: { required: ['lien'] } },
      propertyNames: { pattern: '^[a-z]+$' },
      minProperties: 1,
      maxProperties: 3,
    },
    holds: [{ iban: 'FR76', titulaire: 'A' }, { aidant: 'B', lien: 'fils' }, { autre: 1 }],
    fails: [{}, { iban: 'FR76' }, { aidant: 'B' }, { Majuscule: 1 }, { a: 1, b: 2, c: 3, d: 4 }],
  },
  {
    name: 'additionalProperties beside properties and patternProperties',
    schema: {
      properties: { nom: { type: 'string' } },
      patternProperties: { '^x_': { type: 'integer' } },
      additionalProperties: false,
    },
    holds: [{ nom: 'A', x_age: 3 }, {}],
    fails: [{ prenom: 'B' }, { x_age: 'trois' }],
  },
  {
    name: 'the dialect’s own keywords state a shape: x-file and x-source',
    schema: {
      properties: {
        piece: { 'x-file': { accept: ['application/pdf'] } },
        commune: { 'x-source': 'communes' },
      },
    },
    holds: [{ piece: ['0b8e1c3a-5d2f-4e6a-9b7c-1d2e3f4a5b6c'], commune: '69266' }],
    fails: [{ piece: ['pas-un-id'] }, { piece: 'seul' }, { commune: 69266 }],
  },
  {
    name: 'boolean schemas',
    schema: { properties: { a: true, b: false } },
    holds: [{ a: 1 }, {}],
    fails: [{ b: 1 }],
  },
];

describe('schemaHolds', () => {
  for (const { name, schema, holds, fails } of CASES) {
    it(`${name}: as ajv with the form dialect`, () => {
      const validate = createFormAjv().compile(schema);
      for (const data of holds) {
        expect({ data, ajv: validate(data) }).toEqual({ data, ajv: true });
        expect({ data, holds: schemaHolds(schema, data) }).toEqual({ data, holds: true });
      }
      for (const data of fails) {
        expect({ data, ajv: validate(data) }).toEqual({ data, ajv: false });
        expect({ data, holds: schemaHolds(schema, data) }).toEqual({ data, holds: false });
      }
    });
  }

  it('resolves references in the root it is given (RJSF passes a condition and its form)', () => {
    const root = { $defs: { adulte: { minimum: 18 }, 'né/le': { format: 'date' } } };
    const condition = {
      properties: { age: { $ref: '#/$defs/adulte' }, naissance: { $ref: '#/$defs/n%C3%A9~1le' } },
      required: ['age'],
    };
    expect(schemaHolds(condition, { age: 20, naissance: '2006-01-31' }, root)).toBe(true);
    expect(schemaHolds(condition, { age: 12 }, root)).toBe(false);
    expect(schemaHolds(condition, { age: 20, naissance: '2006-02-31' }, root)).toBe(false);
    // Without it, the reference points nowhere: not known to hold.
    expect(schemaHolds(condition, { age: 20 })).toBe(false);
  });

  it('reads a form edited as a new object afresh, and leaves the schemas it reads as they were', () => {
    const condition = { properties: { age: { $ref: '#/$defs/adulte' } } };
    const root = { $defs: { adulte: { minimum: 18 } } };
    expect(schemaHolds(condition, { age: 16 }, root)).toBe(false);
    const edited = { $defs: { adulte: { minimum: 16 } } };
    expect(schemaHolds(condition, { age: 16 }, edited)).toBe(true);
    expect(Object.getOwnPropertyNames(condition.properties.age)).toEqual(['$ref']);
    expect(Object.getOwnPropertyNames(root.$defs.adulte)).toEqual(['minimum']);
  });

  it('keeps closed what the library would read otherwise than ajv, even under `not`', () => {
    const unread: Array<[object, unknown]> = [
      // ajv and the library read annotations differently (a failed `if`'s, for one).
      [{ unevaluatedProperties: false }, { a: 'a' }],
      [{ unevaluatedItems: false }, ['a']],
      // ajv's strict mode refuses `$anchor` once the schema holding it is inlined.
      [{ $defs: { a: { $anchor: 'a' } }, $ref: '#a' }, { a: 'a' }],
      [{ $dynamicRef: '#meta' }, { a: 'a' }],
      [{ $ref: 'https://example.fr/schema.json#/x' }, { a: 'a' }],
      [{ $ref: '#/$defs/absent' }, { a: 'a' }],
      [{ properties: { a: { format: 'inconnu' } } }, { a: 'a' }],
      // The library checks formats on strings only; ajv-formats' int32 is about numbers.
      [{ properties: { a: { format: 'int32' } } }, { a: 2 ** 40 }],
      [{ motInconnu: 1 }, { a: 'a' }],
      [{ definitions: { x: true } }, { a: 'a' }],
      [{ properties: { a: { pattern: '(a)\\1' } } }, { a: 'a' }],
      [{ patternProperties: { '(a)\\1': true } }, { a: 'a' }],
      [{ type: 'texte' }, { a: 'a' }],
    ];
    for (const [schema, data] of unread) {
      expect({ schema, holds: schemaHolds(schema, data) }).toEqual({ schema, holds: false });
      expect({ schema, holds: schemaHolds({ not: schema }, data) }).toEqual({
        schema,
        holds: false,
      });
    }
  });
});
