import fc from 'fast-check';
import type {
  DemarcheDefinition,
  Effect,
  JsonSchema,
  Role,
  StateKind,
  TransitionDefinition,
} from '../../definition/types.ts';

/** The numeric fields random guards and routing rules look at. */
const FIELDS = ['a', 'b'] as const;

/** The input schema some random transitions carry (the others take no input). */
const MOTIF_INPUT = {
  schema: { type: 'object', properties: { motif: { type: 'string' } }, required: ['motif'] },
};

const ROLES: Role[] = ['applicant', 'agent', 'supervisor', 'admin', 'system'];

const EFFECTS: Effect[] = [
  { type: 'assign', agent: 'actor' },
  { type: 'assign', unit: 'u2', agent: 'none' },
  { type: 'route' },
  { type: 'setPriority', priority: 'high' },
  { type: 'setDueDate', in: 'P2D' },
  { type: 'notify', template: 'n', to: { kind: 'applicant' } },
  { type: 'webhook', url: 'https://example.fr/hook' },
  { type: 'letter', template: 'l' },
];

const guardArb: fc.Arbitrary<JsonSchema> = fc
  .record({
    field: fc.constantFrom(...FIELDS),
    rule: fc.constantFrom('minimum', 'maximum'),
    limit: fc.integer({ min: -3, max: 8 }),
  })
  .map(({ field, rule, limit }) => ({
    properties: { [field]: { type: 'number', [rule]: limit } },
    required: [field],
  }));

function transitionArb(
  stateIds: string[],
): fc.Arbitrary<Omit<TransitionDefinition, 'id' | 'label'>> {
  return fc.record(
    {
      from: fc.oneof(
        { weight: 1, arbitrary: fc.constant('*' as const) },
        { weight: 4, arbitrary: fc.subarray(stateIds, { minLength: 1 }) },
      ),
      to: fc.constantFrom(...stateIds),
      by: fc.subarray(ROLES, { minLength: 1 }),
      guard: guardArb,
      validateForm: fc.boolean(),
      after: fc.constant('P3D'),
      input: fc.constant(MOTIF_INPUT),
      effects: fc.subarray(EFFECTS),
    },
    { requiredKeys: ['from', 'to', 'by'] },
  );
}

/**
 * Random valid definitions: 2–6 states of random kinds (the initial one not final, at
 * least one final), 1–10 transitions with random sources (sometimes global), targets,
 * `by` roles, guards on `a`/`b`, timers, input schemas and effects of every kind.
 */
export function arbitraryDefinition(): fc.Arbitrary<DemarcheDefinition> {
  return fc
    .array(
      fc.record({
        kind: fc.constantFrom<StateKind>('draft', 'active', 'final'),
        sla: fc.option(fc.constantFrom('P1D', 'PT48H', 'P1M'), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 6 },
    )
    .chain((states) => {
      const kinds = states.map((s) => s.kind);
      if (kinds[0] === 'final') kinds[0] = 'draft';
      if (!kinds.includes('final')) kinds[kinds.length - 1] = 'final';
      const ids = states.map((_, i) => `s${i}`);
      const stateDefs = states.map((s, i) => {
        const kind = kinds[i] ?? 'active';
        return {
          id: `s${i}`,
          label: `État ${i}`,
          kind,
          ...(kind === 'final' ? { outcome: 'closed' as const } : {}),
          ...(s.sla === undefined || kind === 'final' ? {} : { sla: s.sla }),
        };
      });
      return fc
        .array(transitionArb(ids), { minLength: 1, maxLength: 10 })
        .map((transitions) => definitionOf(stateDefs, transitions));
    });
}

function definitionOf(
  states: DemarcheDefinition['workflow']['states'],
  transitions: Array<Omit<TransitionDefinition, 'id' | 'label'>>,
): DemarcheDefinition {
  return {
    version: 2,
    meta: { slug: 'aleatoire', title: 'Démarche aléatoire', referencePrefix: 'ALEA' },
    form: {
      schema: {
        type: 'object',
        properties: { a: { type: 'number', minimum: 0 }, b: { type: 'number' } },
        required: ['a'],
      },
    },
    workflow: {
      initialState: 's0',
      states,
      transitions: transitions.map((t, i) => ({ ...t, id: `t${i}`, label: `Transition ${i}` })),
    },
    routing: [
      { id: 'grands', when: { properties: { b: { minimum: 5 } }, required: ['b'] }, unit: 'u2' },
      { id: 'defaut', unit: 'u1' },
    ],
    notifications: [],
    letters: [],
  };
}
