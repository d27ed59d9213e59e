import { FILE_FIELD_OPTIONS_SCHEMA } from '../form/fileFieldKeyword.ts';
import { EXTENSIONS, layoutSchemaDefs } from './layoutSchema.ts';
import { DEFINITION_FORMAT_VERSION, ROLES } from './types.ts';
import { EFFECT_TYPES, workflowSchemaDefs } from './workflowSchema.ts';

/** Ids of states, transitions, pages, templates…: lower case, usable in URLs and logs. */
export const IDENTIFIER_PATTERN = '^[a-z][a-z0-9_-]*$';
export const REFERENCE_PREFIX_PATTERN = '^[A-Z]{2,10}$';
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** ISO 8601 duration with at least one component: `P15D`, `PT48H`, `P1Y2M`, `P2W`. */
export const ISO_DURATION_PATTERN =
  '^P(?!$)(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+S)?)?$';

const id = { $ref: '#/$defs/identifier' } as const;
const text = { $ref: '#/$defs/text' } as const;

/**
 * The JSON Schema (draft 2020-12) of a `DemarcheDefinition`, matching `types.ts`.
 * `validateDefinition` compiles it; the designer gives it to monaco for completion and
 * hover help, hence the descriptions. Embedded schemas (form, guards, routing
 * conditions, input forms) are only typed here: `validateDefinition` compiles them with
 * the form dialect, which says far more than a meta-schema could.
 *
 * @example
 * monaco.languages.json.jsonDefaults.setDiagnosticsOptions({ validate: true,
 *   schemas: [{ uri: definitionSchema.$id, fileMatch: ['*'], schema: definitionSchema }] });
 */
export const definitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:guichet:demarche-definition:${DEFINITION_FORMAT_VERSION}`,
  title: 'Guichet démarche definition',
  description: 'One version of a démarche: citizen form, workflow, routing and templates.',
  type: 'object',
  required: ['version', 'meta', 'form', 'workflow', 'routing', 'notifications', 'letters'],
  additionalProperties: false,
  patternProperties: EXTENSIONS,
  properties: {
    version: {
      const: DEFINITION_FORMAT_VERSION,
      description: 'Version of the definition format (not of the démarche).',
    },
    meta: { $ref: '#/$defs/meta' },
    form: { $ref: '#/$defs/form' },
    workflow: { $ref: '#/$defs/workflow' },
    routing: {
      type: 'array',
      description: 'Ordered rules: the first whose condition holds assigns the new dossier.',
      items: { $ref: '#/$defs/routingRule' },
    },
    notifications: {
      type: 'array',
      description: 'Mail templates the notify effects name, with liquid placeholders.',
      items: { $ref: '#/$defs/notificationTemplate' },
    },
    letters: {
      type: 'array',
      description: 'Letter templates the letter effects name, with liquid placeholders.',
      items: { $ref: '#/$defs/letterTemplate' },
    },
    dataSources: {
      type: 'array',
      description: 'Choice lists the form refers to instead of inline enums.',
      items: { $ref: '#/$defs/dataSource' },
    },
    computed: {
      type: 'array',
      description: 'Fields whose value is a json-logic expression over other fields.',
      items: { $ref: '#/$defs/computedField' },
    },
    access: {
      type: 'object',
      description: 'Who may file a dossier. Absent: citizens with an account only.',
      additionalProperties: false,
      properties: {
        anonymous: {
          type: 'boolean',
          description:
            'A visitor without an account may fill and submit a dossier, then follow it with a tracking code.',
        },
        staff: {
          type: 'object',
          description:
            'Staff may open and file a dossier from the back office (« au guichet »). Absent: they may not.',
          additionalProperties: false,
          required: ['roles', 'applicant'],
          properties: {
            roles: {
              type: 'array',
              description: 'The staff roles that may open one.',
              minItems: 1,
              uniqueItems: true,
              items: { enum: ['agent', 'supervisor', 'admin'] },
            },
            applicant: {
              enum: ['person', 'self'],
              description:
                '`person`: on behalf of someone at the counter or on the phone (their account, or a name and an optional address); `self`: the agent is the applicant (an internal note).',
            },
          },
        },
      },
    },
    tests: {
      type: 'array',
      description: 'Sample data + actions + expected outcomes, run before every publish.',
      items: { $ref: '#/$defs/testCase' },
    },
  },
  $defs: {
    identifier: { type: 'string', pattern: IDENTIFIER_PATTERN, maxLength: 64 },
    text: { type: 'string', minLength: 1 },
    fieldName: { type: 'string', minLength: 1, description: 'A top-level form property name.' },
    fieldsOrAll: {
      description: 'Top-level form property names, or "*" for every field.',
      anyOf: [
        { type: 'array', items: { $ref: '#/$defs/fieldName' }, uniqueItems: true },
        { const: '*' },
      ],
    },
    unitCode: { type: 'string', minLength: 1, description: 'Code of a unit of the tenant.' },
    isoDuration: {
      type: 'string',
      pattern: ISO_DURATION_PATTERN,
      description: 'ISO 8601 duration, e.g. P15D, PT48H, P1M.',
    },
    httpUrl: { type: 'string', format: 'uri', pattern: '^https?://' },
    dottedPath: {
      type: 'string',
      pattern: '^[A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*$',
      maxLength: 200,
    },
    role: { enum: ROLES },
    roles: { type: 'array', items: { $ref: '#/$defs/role' }, uniqueItems: true },
    jsonSchema: {
      type: ['object', 'boolean'],
      description: 'A JSON Schema (draft 2020-12) on the dossier data.',
    },
    objectSchema: {
      type: 'object',
      description:
        'A JSON Schema (draft 2020-12) object schema: its properties are the fields. Formats: those of ajv-formats (email, date, uri…), data-url, color, and the French identifiers siren, siret, iban, bic, code-postal, telephone-fr, code-commune-insee. A property carrying `x-file` (see `fileFieldOptions`) is a file field: `{ type: "array", items: { type: "string", format: "attachment-id" }, minItems, maxItems, "x-file": { accept, maxBytes } }`, at the root or inside a list of objects.',
      required: ['type'],
      properties: { type: { const: 'object' } },
    },
    fileFieldOptions: FILE_FIELD_OPTIONS_SCHEMA,
    uiSchema: { type: 'object', description: 'RJSF UI schema: ui:order, ui:widget, ui:help…' },
    meta: {
      type: 'object',
      required: ['slug', 'title', 'referencePrefix'],
      additionalProperties: false,
      properties: {
        slug: { type: 'string', pattern: SLUG_PATTERN, maxLength: 80, description: 'URL name.' },
        title: text,
        description: { type: 'string' },
        referencePrefix: {
          type: 'string',
          pattern: REFERENCE_PREFIX_PATTERN,
          description: 'Prefix of human references: APA gives APA-2026-000123.',
        },
        retention: {
          $ref: '#/$defs/isoDuration',
          description: 'How long a closed dossier is kept.',
        },
        ownerUnit: { $ref: '#/$defs/unitCode', description: 'Unit that owns the démarche.' },
      },
    },
    form: {
      type: 'object',
      description: 'The citizen form.',
      required: ['schema'],
      additionalProperties: false,
      patternProperties: EXTENSIONS,
      properties: {
        schema: { $ref: '#/$defs/objectSchema' },
        uiSchema: { $ref: '#/$defs/uiSchema' },
        pages: {
          type: 'array',
          description: 'Steps of the form. Absent: one page with every field.',
          items: { $ref: '#/$defs/formPage' },
        },
        sections: {
          type: 'array',
          description: 'Titled groups of fields inside a page; order comes from the page.',
          items: { $ref: '#/$defs/formSection' },
        },
        rules: {
          type: 'array',
          description: 'Cross-field checks with their own message, run on every submission.',
          items: { $ref: '#/$defs/formRule' },
        },
      },
    },
    formRule: {
      type: 'object',
      required: ['id', 'field', 'assert', 'message'],
      additionalProperties: false,
      properties: {
        id,
        field: { $ref: '#/$defs/fieldName' },
        when: { $ref: '#/$defs/expression', description: 'Absent: the rule always applies.' },
        assert: {
          $ref: '#/$defs/expression',
          description: 'Must not be false; null (a field it reads is empty) passes.',
        },
        message: { ...text, description: 'Shown beside the field when the check fails.' },
      },
    },
    expression: {
      description:
        'A json-logic expression: an object with one key is an operation ({ "var": "loyer" }, { "age": [{ "var": "naissance" }] }), anything else a literal.',
    },
    formSection: {
      type: 'object',
      required: ['id', 'title', 'fields'],
      additionalProperties: false,
      patternProperties: EXTENSIONS,
      properties: {
        id,
        title: text,
        description: { type: 'string' },
        fields: { type: 'array', items: { $ref: '#/$defs/fieldName' }, uniqueItems: true },
      },
    },
    formPage: {
      type: 'object',
      required: ['id', 'title', 'fields'],
      additionalProperties: false,
      patternProperties: EXTENSIONS,
      properties: {
        id,
        title: text,
        fields: { type: 'array', items: { $ref: '#/$defs/fieldName' }, uniqueItems: true },
        condition: {
          $ref: '#/$defs/jsonSchema',
          description:
            'Shown only when data matches; a hidden page’s fields are not required and their answers are dropped at submission.',
        },
        checks: {
          $ref: '#/$defs/jsonSchema',
          description: 'Must hold before leaving the page (dossiers.checkPage) and at submission.',
        },
      },
    },
    routingRule: {
      type: 'object',
      required: ['id', 'unit'],
      additionalProperties: false,
      properties: {
        id,
        when: { $ref: '#/$defs/jsonSchema', description: 'Absent: always matches.' },
        unit: { $ref: '#/$defs/unitCode' },
      },
    },
    notificationTemplate: {
      type: 'object',
      required: ['id', 'channel', 'subject', 'body'],
      additionalProperties: false,
      properties: {
        id,
        channel: { const: 'email' },
        subject: { ...text, description: 'liquid template: {{ dossier.reference }}, {{ data.x }}' },
        body: { type: 'string', description: 'liquid template of the message.' },
      },
    },
    letterTemplate: {
      type: 'object',
      required: ['id', 'title', 'body'],
      additionalProperties: false,
      properties: { id, title: text, body: { type: 'string', description: 'liquid template.' } },
    },
    dataSource: {
      type: 'object',
      required: ['id', 'kind'],
      additionalProperties: false,
      properties: {
        id,
        kind: { enum: ['static', 'table', 'url'] },
        options: {
          type: 'array',
          description: 'For kind static.',
          items: {
            type: 'object',
            required: ['value', 'label'],
            additionalProperties: false,
            properties: { value: { type: 'string' }, label: text },
          },
        },
        table: {
          ...text,
          description: 'For kind table: the code of a tenant reference table (imported from CSV).',
        },
        url: {
          $ref: '#/$defs/httpUrl',
          description: 'For kind url: an https address fetched by the server, never the browser.',
        },
        itemsPath: {
          $ref: '#/$defs/dottedPath',
          description: 'For kind url: dotted path to the list in the answer (absent: the answer).',
        },
        valuePath: {
          $ref: '#/$defs/dottedPath',
          description: 'For kind url: dotted path to an entry’s code (default `value`).',
        },
        labelPath: {
          $ref: '#/$defs/dottedPath',
          description: 'For kind url: dotted path to an entry’s label (default `label`).',
        },
        cacheSeconds: {
          type: 'integer',
          minimum: 60,
          maximum: 86400,
          description: 'For kind url: how long the server keeps the answer (default 3600).',
        },
      },
      allOf: [
        {
          if: { properties: { kind: { const: 'static' } }, required: ['kind'] },
          then: { required: ['options'] },
        },
        {
          if: { properties: { kind: { const: 'table' } }, required: ['kind'] },
          then: { required: ['table'] },
        },
        {
          if: { properties: { kind: { const: 'url' } }, required: ['kind'] },
          then: { required: ['url'] },
        },
      ],
    },
    computedField: {
      type: 'object',
      required: ['field', 'expression'],
      additionalProperties: false,
      properties: {
        field: { $ref: '#/$defs/fieldName' },
        expression: {
          $ref: '#/$defs/expression',
          description: 'A json-logic expression over the form data.',
        },
      },
    },
    testCase: {
      type: 'object',
      required: ['id', 'name', 'data', 'steps'],
      additionalProperties: false,
      properties: {
        id,
        name: text,
        data: { type: 'object' },
        steps: { type: 'array', items: { $ref: '#/$defs/testStep' } },
      },
    },
    testStep: {
      type: 'object',
      required: ['transition', 'actor', 'expect'],
      additionalProperties: false,
      properties: {
        transition: id,
        actor: { $ref: '#/$defs/role' },
        input: { type: 'object' },
        expect: {
          type: 'object',
          required: ['state'],
          additionalProperties: false,
          properties: { state: id, effects: { type: 'array', items: { enum: EFFECT_TYPES } } },
        },
      },
    },
    ...workflowSchemaDefs,
    ...layoutSchemaDefs,
  },
} as const;
