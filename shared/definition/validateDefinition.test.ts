import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import { validateDefinition } from './validateDefinition.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests break the definition on purpose.
type Loose = any;

/** The sample with one mutation, as an untyped document. */
function broken(mutate: (definition: Loose) => void): unknown {
  const definition = structuredClone(socialAidDefinition) as Loose;
  mutate(definition);
  return definition;
}

function problemsOf(json: unknown): DefinitionProblem[] {
  const result = validateDefinition(json);
  if (result.ok) throw new Error('expected problems, the definition is valid');
  return result.error;
}

describe('validateDefinition', () => {
  it('accepts the sample definition and returns it typed', () => {
    const result = validateDefinition(socialAidDefinition);
    expect(result).toEqual({ ok: true, value: socialAidDefinition });
  });

  it('accepts the French identifier formats in a form', () => {
    const definition = structuredClone(socialAidDefinition) as Loose;
    const formats = [
      'siren',
      'siret',
      'iban',
      'bic',
      'code-postal',
      'telephone-fr',
      'code-commune-insee',
    ];
    for (const format of formats) {
      definition.form.schema.properties[`champ_${format.replaceAll('-', '_')}`] = {
        type: 'string',
        format,
      };
    }
    expect(validateDefinition(definition).ok).toBe(true);
  });

  it.each<[string, (d: Loose) => void, DefinitionProblem['code'], string, RegExp]>([
    [
      'a missing target state',
      (d) => delete d.workflow.transitions[6].to,
      'SCHEMA_REQUIRED',
      '/workflow/transitions/6',
      /^La transition « refuser » doit indiquer l’état d’arrivée \(to\)\.$/,
    ],
    [
      'a misspelt property',
      (d) => {
        d.workflow.transitions[5].gard = d.workflow.transitions[5].guard;
        delete d.workflow.transitions[5].guard;
      },
      'SCHEMA_ADDITIONAL_PROPERTY',
      '/workflow/transitions/5/gard',
      /« gard » n’est pas prévue ici\. Vouliez-vous écrire « guard » \?/,
    ],
    [
      'a number where a text is expected',
      (d) => (d.letters[0].title = 12),
      'SCHEMA_TYPE',
      '/letters/0/title',
      /^Le modèle de courrier « accord » : le titre \(title\) doit être un texte/,
    ],
    [
      'an unknown role',
      (d) => (d.workflow.transitions[0].by = ['citizen']),
      'SCHEMA_ENUM',
      '/workflow/transitions/0/by/0',
      /l’élément n° 1 des rôles autorisés \(by\) doit valoir l’une de ces valeurs : applicant, agent/,
    ],
    [
      'an unknown effect type',
      (d) => (d.workflow.transitions[5].effects[0].type = 'lettre'),
      'SCHEMA_ENUM',
      '/workflow/transitions/5/effects/0',
      /^L’effet n° 1 de la transition « accepter » : le type \(type\) « lettre » n’existe pas ; valeurs possibles : notify, webhook, letter/,
    ],
    [
      'a lower-case reference prefix',
      (d) => (d.meta.referencePrefix = 'aide'),
      'SCHEMA_PATTERN',
      '/meta/referencePrefix',
      /2 à 10 lettres majuscules.*« aide »/,
    ],
    [
      'a duration in words',
      (d) => (d.workflow.states[2].sla = '1 mois'),
      'SCHEMA_PATTERN',
      '/workflow/states/2/sla',
      /^L’état « en_instruction » : le délai de traitement \(sla\) doit être une durée ISO 8601/,
    ],
    [
      'a webhook URL without a scheme',
      (d) => (d.workflow.transitions[5].effects[2].url = 'finances.example.fr/hooks'),
      'SCHEMA_FORMAT',
      '/workflow/transitions/5/effects/2/url',
      /l’adresse web \(url\) doit être une adresse web complète/,
    ],
    [
      'an empty label',
      (d) => (d.workflow.states[0].label = ''),
      'SCHEMA_LENGTH',
      '/workflow/states/0/label',
      /^L’état « brouillon » : le libellé \(label\) ne doit pas être vide\.$/,
    ],
    [
      'a single state id as `from`',
      (d) => (d.workflow.transitions[1].from = 'depose'),
      'SCHEMA_INVALID',
      '/workflow/transitions/1/from',
      /les états de départ \(from\) doivent être une liste ou « \* »/,
    ],
    [
      'a final state without outcome',
      (d) => delete d.workflow.states[4].outcome,
      'SCHEMA_REQUIRED',
      '/workflow/states/4',
      /^L’état « accepte » doit indiquer l’issue \(outcome\)\.$/,
    ],
    [
      'two states with one id',
      (d) => (d.workflow.states[3].id = 'depose'),
      'DUPLICATE_ID',
      '/workflow/states/3/id',
      /« depose » est déjà utilisé par un autre état/,
    ],
    [
      'an unknown keyword in the form',
      (d) => (d.form.schema.properties.nom.minLenght = 2),
      'FORM_SCHEMA_INVALID',
      '/form/schema/properties/nom/minLenght',
      /champ « nom » : le mot-clé « minLenght » n’existe pas\. Vouliez-vous écrire « minLength » \?/,
    ],
    [
      'a UI setting in the form schema',
      (d) => (d.form.schema.properties.nom['ui:widget'] = 'textarea'),
      'FORM_SCHEMA_INVALID',
      '/form/schema/properties/nom/ui:widget',
      /placez-le dans le schéma d’affichage \(uiSchema\)/,
    ],
    [
      'an unknown format',
      (d) => (d.form.schema.properties.email.format = 'emial'),
      'FORM_SCHEMA_INVALID',
      '/form/schema/properties/email/format',
      /le format « emial » n’existe pas\. Vouliez-vous écrire « email » \?/,
    ],
    [
      'a misspelt French identifier format',
      (d) => (d.form.schema.properties.nom.format = 'sirett'),
      'FORM_SCHEMA_INVALID',
      '/form/schema/properties/nom/format',
      /le format « sirett » n’existe pas\. Vouliez-vous écrire « siret » \?/,
    ],
    [
      'a form schema that is not an object schema',
      (d) => (d.form.schema.type = 'array'),
      'SCHEMA_ENUM',
      '/form/schema/type',
      /^Le schéma du formulaire : le type \(type\) doit valoir « object »/,
    ],
    [
      'an invalid keyword value in a guard',
      (d) => (d.workflow.transitions[5].guard.properties.revenuMensuel.maximum = 'mille'),
      'GUARD_SCHEMA_INVALID',
      '/workflow/transitions/5/guard/properties/revenuMensuel/maximum',
      /^La transition « accepter », condition \(guard\), champ « revenuMensuel » : la valeur de « maximum » n’est pas valide/,
    ],
    [
      'a negative length in an input form',
      (d) => (d.workflow.transitions[6].input.schema.properties.motif.minLength = -1),
      'INPUT_SCHEMA_INVALID',
      '/workflow/transitions/6/input/schema/properties/motif/minLength',
      /^Le formulaire de la transition « refuser », schéma \(schema\), champ « motif » : .*supérieure ou égale à 0/,
    ],
    [
      'a dangling reference in a routing condition',
      (d) => (d.routing[0].when = { properties: { situation: { $ref: '#/$defs/situation' } } }),
      'ROUTING_SCHEMA_INVALID',
      '/routing/0/when',
      /^La règle d’aiguillage « couples », condition \(when\) : la référence « #\/\$defs\/situation » \(\$ref\) est introuvable\.$/,
    ],
    [
      'a strict-mode error in a page condition',
      (d) => {
        d.form.pages = [{ id: 'identite', title: 'Identité', fields: ['nom'] }];
        d.form.pages[0].condition = { type: 'array', prefixItems: [{ type: 'string' }] };
      },
      'PAGE_SCHEMA_INVALID',
      '/form/pages/0/condition',
      /^La page « identite », condition d’affichage \(condition\) : le schéma ne peut pas être compilé/,
    ],
    [
      'a catastrophic regex',
      (d) => (d.form.schema.properties.nom.pattern = '(a+)+$'),
      'UNSAFE_REGEX',
      '/form/schema/properties/nom/pattern',
      /champ « nom » : l’expression régulière « \(a\+\)\+\$ » peut bloquer le navigateur du demandeur/,
    ],
    [
      'a catastrophic regex as a property pattern of a page check',
      (d) => {
        d.form.pages = [{ id: 'revenus', title: 'Revenus', fields: ['revenuMensuel'] }];
        d.form.pages[0].checks = { patternProperties: { '^(\\w+\\s?)*$': { type: 'number' } } };
      },
      'UNSAFE_REGEX',
      '/form/pages/0/checks/patternProperties/^(\\w+\\s?)*$',
      /La page « revenus », vérifications \(checks\) : l’expression régulière/,
    ],
    [
      'a backreference the server’s RE2 cannot run',
      (d) => (d.form.schema.properties.nom.pattern = '^(\\w)\\1$'),
      'UNSUPPORTED_REGEX',
      '/form/schema/properties/nom/pattern',
      /« \^\(\\w\)\\1\$ » utilise une construction que le serveur ne sait pas vérifier/,
    ],
    [
      'a guard that refers to itself (issue 13, item 5)',
      (d) => (d.workflow.transitions[5].guard = { $ref: '#' }),
      'GUARD_SCHEMA_INVALID',
      '/workflow/transitions/5/guard/$ref',
      /^La transition « accepter », condition \(guard\) : le schéma renvoie à lui-même/,
    ],
    [
      'a guard whose $defs entry refers to itself',
      (d) =>
        (d.workflow.transitions[5].guard = {
          $defs: { boucle: { $ref: '#/$defs/boucle' } },
          $ref: '#/$defs/boucle',
        }),
      'GUARD_SCHEMA_INVALID',
      '/workflow/transitions/5/guard/$defs/boucle/$ref',
      /sa vérification ne se terminerait jamais/,
    ],
    [
      'a draft-07 form',
      (d) => (d.form.schema.$schema = 'http://json-schema.org/draft-07/schema#'),
      'DIALECT',
      '/form/schema/$schema',
      /« http:\/\/json-schema\.org\/draft-07\/schema# » n’est pas pris en charge ; Guichet utilise JSON Schema 2020-12/,
    ],
    [
      'a draft-07 keyword in a guard',
      (d) => (d.workflow.transitions[5].guard.dependencies = { conjoint: ['situation'] }),
      'DIALECT',
      '/workflow/transitions/5/guard/dependencies',
      /« dependencies » n’appartient pas à JSON Schema 2020-12 ; utilisez dependentRequired ou dependentSchemas/,
    ],
    [
      'another format version',
      (d) => (d.version = 1),
      'UNSUPPORTED_VERSION',
      '/version',
      /doit valoir 2/,
    ],
  ])('reports %s', (_, mutate, code, pointer, message) => {
    const problems = problemsOf(broken(mutate));
    expect(problems).toContainEqual({ code, pointer, message: expect.stringMatching(message) });
  });

  it('reports every problem at once, across structure and embedded schemas', () => {
    const problems = problemsOf(
      broken((d) => {
        delete d.workflow.transitions[3].to;
        d.meta.referencePrefix = 'aide';
        d.workflow.states[1].kind = 'actif';
        d.workflow.transitions[0].effects[1].to = { kind: 'email' };
        d.form.schema.properties.prenom.pattern = '(a+)+$';
        d.workflow.transitions[5].guard.$schema = 'http://json-schema.org/draft-07/schema#';
        d.routing.push({ id: 'couples', unit: 'ccas' });
      }),
    );
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['SCHEMA_PATTERN', '/meta/referencePrefix'],
      ['SCHEMA_ENUM', '/workflow/states/1/kind'],
      ['SCHEMA_REQUIRED', '/workflow/transitions/0/effects/1/to'],
      ['SCHEMA_REQUIRED', '/workflow/transitions/3'],
      ['DUPLICATE_ID', '/routing/2/id'],
      ['UNSAFE_REGEX', '/form/schema/properties/prenom/pattern'],
      ['DIALECT', '/workflow/transitions/5/guard/$schema'],
    ]);
  });

  it('writes every message in French, never ajv’s English', () => {
    const problems = problemsOf(
      broken((d) => {
        d.workflow = {
          initialState: 'Brouillon',
          states: [],
          transitions: [{ id: 't' }],
          extra: 1,
        };
        d.notifications = [{ id: 'n', channel: 'sms', subject: '', body: 3 }];
        d.dataSources = [{ id: 'communes', kind: 'table' }];
        d.tests = [{ id: 'cas', name: 'Cas', data: {}, steps: [{ transition: 't', actor: 'x' }] }];
      }),
    );
    expect(problems.length).toBeGreaterThan(8);
    for (const { message } of problems) {
      expect(message).not.toMatch(/\bmust\b|\bshould\b/);
      expect(message).toMatch(/ (doit|doivent|n’est|n’existe|ne doit) /);
    }
  });

  it('refuses a 10,000-field form quickly, without compiling it', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 10_000 }, (_, i) => [
        `champ${i}`,
        { type: 'string', title: `Champ ${i}` },
      ]),
    );
    const started = performance.now();
    const problems = problemsOf(broken((d) => (d.form.schema.properties = properties)));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(problems).toEqual([
      {
        code: 'TOO_LARGE',
        pointer: '/form/schema',
        message: expect.stringMatching(/plus de 2\s000 champs/),
      },
    ]);
  });

  it('refuses a deeply nested schema and a huge document before anything else', () => {
    // `not` nests one schema per JSON level: past the schema bound, within the JSON one.
    let deep: Loose = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    const nested = problemsOf(broken((d) => (d.workflow.transitions[5].guard = deep)));
    expect(nested).toEqual([
      {
        code: 'TOO_LARGE',
        pointer: `/workflow/transitions/5/guard${'/not'.repeat(33)}`,
        message: expect.stringContaining('imbriqué trop profondément (plus de 32 niveaux)'),
      },
    ]);

    let deeper: Loose = 1;
    for (let i = 0; i < 100; i++) deeper = [deeper];
    const tooDeep = problemsOf(broken((d) => (d.meta.typo = deeper)));
    expect(tooDeep).toHaveLength(1);
    expect(tooDeep[0]?.code).toBe('TOO_LARGE');

    const huge = problemsOf(broken((d) => (d.meta.description = 'x'.repeat(1_100_000))));
    expect(huge).toEqual([
      { code: 'TOO_LARGE', pointer: '', message: expect.stringContaining('trop volumineuse') },
    ]);
  });

  it('catches two embedded schemas claiming one $id, as the engine would', () => {
    const problems = problemsOf(
      broken((d) => {
        d.workflow.transitions[5].guard.$id = 'https://guichet.example/revenu.json';
        d.routing[0].when.$id = 'https://guichet.example/revenu.json';
      }),
    );
    expect(problems).toEqual([
      {
        code: 'ROUTING_SCHEMA_INVALID',
        pointer: '/routing/0/when',
        message: expect.stringContaining(
          '« https://guichet.example/revenu.json » ($id) est déjà pris',
        ),
      },
    ]);
  });

  it('describes a document that is not an object', () => {
    expect(problemsOf('{"version": 1}')).toEqual([
      { code: 'SCHEMA_TYPE', pointer: '', message: 'La définition doit être un objet.' },
    ]);
  });
});
