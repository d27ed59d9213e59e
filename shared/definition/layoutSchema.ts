/**
 * `$defs` of the definition schema for what the studio keeps beside the behaviour: the
 * workflow graph's drawing and the `x-` extension slot. Merged into `definitionSchema`;
 * refs point at `#/$defs/…` of that root.
 */

/** Lets any `x-…` property through, untyped: tools' own data, never read by Guichet. */
export const EXTENSIONS = { '^x-': {} } as const;

/** A coordinate or a pan offset. ajv's `number` refuses NaN and ±Infinity. */
const coordinate = { type: 'number', description: 'A finite number, in pixels.' } as const;

export const layoutSchemaDefs = {
  workflowLayout: {
    type: 'object',
    description: 'Where the studio draws the graph (xyflow node positions and viewport).',
    required: ['positions'],
    additionalProperties: false,
    properties: {
      positions: {
        type: 'object',
        description: 'Top-left corner of each state node, keyed by state id.',
        propertyNames: { $ref: '#/$defs/identifier' },
        additionalProperties: { $ref: '#/$defs/nodePosition' },
      },
      viewport: { $ref: '#/$defs/viewport' },
    },
  },
  nodePosition: {
    type: 'object',
    description: 'xyflow XYPosition, in flow coordinates.',
    required: ['x', 'y'],
    additionalProperties: false,
    properties: { x: coordinate, y: coordinate },
  },
  viewport: {
    type: 'object',
    description: 'xyflow Viewport: pan (x, y) and zoom. Absent: fit the whole graph.',
    required: ['x', 'y', 'zoom'],
    additionalProperties: false,
    properties: {
      x: coordinate,
      y: coordinate,
      zoom: { type: 'number', exclusiveMinimum: 0, description: 'Scale: 1 is 100 %.' },
    },
  },
} as const;
