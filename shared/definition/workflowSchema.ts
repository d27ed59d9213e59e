import { EXTENSIONS } from './layoutSchema.ts';

/**
 * `$defs` of the definition schema for the workflow: states, transitions, effects and
 * recipients. Merged into `definitionSchema`; refs point at `#/$defs/…` of that root.
 */

/** Every `Effect['type']`, in the order the designer offers them. */
export const EFFECT_TYPES = [
  'notify',
  'webhook',
  'letter',
  'assign',
  'route',
  'setDueDate',
  'setPriority',
] as const;

const id = { $ref: '#/$defs/identifier' } as const;
const text = { $ref: '#/$defs/text' } as const;

/** One effect variant: an object whose `type` is `name`, with exactly these properties. */
function effect<const P extends Record<string, unknown>, const R extends readonly string[]>(
  name: (typeof EFFECT_TYPES)[number],
  description: string,
  properties: P,
  required: R,
) {
  return {
    type: 'object',
    description,
    required: ['type', ...required],
    additionalProperties: false,
    properties: {
      type: { const: name },
      when: {
        $ref: '#/$defs/expression',
        description: 'Run the effect only when this holds (data, today, input.…).',
      },
      ...properties,
    },
  } as const;
}

export const workflowSchemaDefs = {
  workflow: {
    type: 'object',
    description: 'The state machine a dossier goes through.',
    required: ['initialState', 'states', 'transitions'],
    additionalProperties: false,
    patternProperties: EXTENSIONS,
    properties: {
      initialState: { ...id, description: 'Id of the state a new dossier starts in (kind draft).' },
      states: { type: 'array', minItems: 1, items: { $ref: '#/$defs/state' } },
      transitions: { type: 'array', items: { $ref: '#/$defs/transition' } },
      layout: { $ref: '#/$defs/workflowLayout' },
    },
  },
  state: {
    type: 'object',
    required: ['id', 'label', 'kind'],
    additionalProperties: false,
    patternProperties: EXTENSIONS,
    properties: {
      id,
      label: { ...text, description: 'Shown to citizens and agents.' },
      kind: { enum: ['draft', 'active', 'final'], description: 'final states need an outcome.' },
      outcome: { enum: ['accepted', 'rejected', 'withdrawn', 'closed'] },
      owner: {
        type: 'object',
        description: 'Who is expected to act: shown in queues, used for tasks.',
        additionalProperties: false,
        properties: { role: { $ref: '#/$defs/role' }, unit: { $ref: '#/$defs/unitCode' } },
      },
      sla: { $ref: '#/$defs/isoDuration', description: 'Time allowed in this state.' },
      slaSince: { ...id, description: 'With sla: count it from this milestone, not the entry.' },
      editable: {
        type: 'array',
        description: 'Which form fields may be edited in this state, and by whom.',
        items: { $ref: '#/$defs/editableRule' },
      },
    },
    if: { properties: { kind: { const: 'final' } }, required: ['kind'] },
    then: { required: ['outcome'] },
  },
  editableRule: {
    type: 'object',
    required: ['fields', 'by'],
    additionalProperties: false,
    properties: {
      fields: { $ref: '#/$defs/fieldsOrAll' },
      by: { $ref: '#/$defs/roles' },
    },
  },
  transition: {
    type: 'object',
    required: ['id', 'label', 'from', 'to', 'by'],
    additionalProperties: false,
    patternProperties: EXTENSIONS,
    properties: {
      id,
      label: { ...text, description: 'Label of the action button.' },
      from: {
        description: 'Source state ids, or "*" for every active state (a global transition).',
        anyOf: [{ type: 'array', items: id, uniqueItems: true }, { const: '*' }],
      },
      to: { ...id, description: 'Target state id.' },
      by: { $ref: '#/$defs/roles', description: 'Roles that may fire it; system alone: timers.' },
      guard: {
        $ref: '#/$defs/jsonSchema',
        description: 'JSON Schema the dossier data (or the guardOn context) must match.',
      },
      guardOn: {
        enum: ['data', 'context'],
        description:
          'data (default): the guard checks the dossier data; context: { data, input, dossier }.',
      },
      guardMessage: { ...text, description: 'French message shown when the guard fails.' },
      rules: {
        type: 'array',
        description:
          'Expression checks with their own message beside a field (an input field or a form field); they read the data, today and input.…',
        items: { $ref: '#/$defs/formRule' },
      },
      after: { $ref: '#/$defs/isoDuration', description: 'Fires by itself after this long.' },
      since: { ...id, description: 'With after: count from this milestone, in any state.' },
      milestone: { ...id, description: 'Records the instant under this name when it fires.' },
      writes: {
        type: 'array',
        description: 'Input fields copied into the dossier data when it fires.',
        items: { $ref: '#/$defs/dataWrite' },
      },
      validateForm: { type: 'boolean', description: 'Validate the whole form before firing.' },
      input: {
        type: 'object',
        description: 'Form the actor fills when firing (e.g. the reason of a refusal).',
        required: ['schema'],
        additionalProperties: false,
        properties: {
          schema: { $ref: '#/$defs/objectSchema' },
          uiSchema: { $ref: '#/$defs/uiSchema' },
        },
      },
      effects: { type: 'array', items: { $ref: '#/$defs/effect' } },
    },
  },
  dataWrite: {
    type: 'object',
    required: ['field', 'fromInput'],
    additionalProperties: false,
    properties: {
      field: { $ref: '#/$defs/fieldName', description: 'Form field receiving the value.' },
      fromInput: { $ref: '#/$defs/fieldName', description: 'Input field giving it.' },
    },
  },
  effect: {
    type: 'object',
    description: 'Something to do once the transition is committed.',
    required: ['type'],
    discriminator: { propertyName: 'type' },
    oneOf: [
      effect(
        'notify',
        'Send a notification template.',
        { template: id, to: { $ref: '#/$defs/recipient' } },
        ['template', 'to'],
      ),
      effect(
        'webhook',
        'POST the dossier event to a URL.',
        { url: { $ref: '#/$defs/httpUrl' }, event: text },
        ['url'],
      ),
      effect('letter', 'Generate a letter from a template.', { template: id }, ['template']),
      effect(
        'assign',
        'Assign to a unit, to the acting agent, or clear the assignee.',
        {
          unit: { $ref: '#/$defs/unitCode' },
          unitFromInput: { $ref: '#/$defs/fieldName', description: 'Input field: a unit code.' },
          agent: { enum: ['actor', 'none'] },
        },
        [],
      ),
      effect('route', 'Re-run the routing rules on the current data.', {}, []),
      effect(
        'setDueDate',
        'Set the due date this long from now.',
        { in: { $ref: '#/$defs/isoDuration' } },
        ['in'],
      ),
      effect(
        'setPriority',
        'Change the priority.',
        { priority: { enum: ['low', 'normal', 'high', 'urgent'] } },
        ['priority'],
      ),
    ],
  },
  recipient: {
    type: 'object',
    description: 'Who receives the notification.',
    required: ['kind'],
    discriminator: { propertyName: 'kind' },
    oneOf: [
      {
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: { kind: { const: 'applicant' } },
      },
      {
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: { kind: { const: 'assignee' } },
      },
      {
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: { kind: { const: 'unit' } },
      },
      {
        type: 'object',
        required: ['kind', 'address'],
        additionalProperties: false,
        properties: { kind: { const: 'email' }, address: { type: 'string', format: 'email' } },
      },
      {
        type: 'object',
        required: ['kind', 'field'],
        additionalProperties: false,
        properties: { kind: { const: 'field' }, field: { $ref: '#/$defs/fieldName' } },
      },
    ],
  },
} as const;
