import { ROLES } from './types.ts';
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
  $id: 'urn:guichet:demarche-definition:1',
  title: 'Guichet démarche definition',
  description: 'One version of a démarche: citizen form, workflow, routing and templates.',
  type: 'object',
  required: ['version', 'meta', 'form', 'workflow', 'routing', 'notifications', 'letters'],
  additionalProperties: false,
  properties: {
    version: { const: 1, description: 'Version of the definition format (not of the démarche).' },
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
    role: { enum: ROLES },
    roles: { type: 'array', items: { $ref: '#/$defs/role' }, uniqueItems: true },
    jsonSchema: {
      type: ['object', 'boolean'],
      description: 'A JSON Schema (draft 2020-12) on the dossier data.',
    },
    objectSchema: {
      type: 'object',
      description: 'A JSON Schema (draft 2020-12) object schema: its properties are the fields.',
      required: ['type'],
      properties: { type: { const: 'object' } },
    },
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
      properties: {
        schema: { $ref: '#/$defs/objectSchema' },
        uiSchema: { $ref: '#/$defs/uiSchema' },
        pages: {
          type: 'array',
          description: 'Steps of the form. Absent: one page with every field.',
          items: { $ref: '#/$defs/formPage' },
        },
      },
    },
    formPage: {
      type: 'object',
      required: ['id', 'title', 'fields'],
      additionalProperties: false,
      properties: {
        id,
        title: text,
        fields: { type: 'array', items: { $ref: '#/$defs/fieldName' }, uniqueItems: true },
        condition: { $ref: '#/$defs/jsonSchema', description: 'Shown only when data matches.' },
        checks: { $ref: '#/$defs/jsonSchema', description: 'Must hold before leaving the page.' },
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
        table: { ...text, description: 'For kind table: a tenant reference table.' },
        url: { $ref: '#/$defs/httpUrl', description: 'For kind url: fetched by the server.' },
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
        expression: { description: 'A json-logic expression over the form data.' },
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
  },
} as const;
