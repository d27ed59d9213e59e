import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, Role } from '../definition/types.ts';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { lintDefinition } from './lintDefinition.ts';

/** Resolves an RFC 6901 pointer, or reports that nothing is there. */
function exists(document: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null || !(token in node)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return true;
}

const schema = fc.oneof(fc.boolean(), fc.jsonValue(), fc.constant({}));
const liquid = fc
  .array(
    fc.constantFrom(
      '{{',
      '}}',
      '{%',
      '%}',
      ' data.',
      'input.',
      'dossier.',
      'nom',
      ' if ',
      'endif',
      ' for x in ',
      '|',
      '[',
      ']',
      '0',
      'x',
    ),
  )
  .map((parts) => parts.join(''));
const stateIds = fc.constantFrom(
  'brouillon',
  'depose',
  'en_instruction',
  'complement',
  'accepte',
  'x',
  '',
);
const roles = fc.subarray<Role>(['applicant', 'agent', 'supervisor', 'admin', 'system']);

/** The sample with random, often absurd, values put in every slot the linter reads. */
const oddDefinition = fc
  .record({
    form: schema,
    guards: fc.array(fc.option(schema, { nil: undefined }), { minLength: 8, maxLength: 8 }),
    froms: fc.array(fc.oneof(fc.constant('*' as const), fc.array(stateIds, { maxLength: 3 })), {
      minLength: 8,
      maxLength: 8,
    }),
    bys: fc.array(roles, { minLength: 8, maxLength: 8 }),
    when: schema,
    pageCondition: schema,
    expression: fc.jsonValue(),
    texts: fc.array(liquid, { minLength: 4, maxLength: 4 }),
    dropStates: fc.boolean(),
    dropTransitions: fc.boolean(),
  })
  .map((odd) => {
    const d = structuredClone(socialAidDefinition) as DemarcheDefinition;
    d.form.schema = odd.form as DemarcheDefinition['form']['schema'];
    d.form.pages = [
      {
        id: 'p',
        title: 'P',
        fields: ['nom', 'x'],
        condition: odd.pageCondition as boolean,
        checks: odd.when as boolean,
      },
    ];
    d.workflow.transitions.forEach((t, i) => {
      const guard = odd.guards[i];
      if (guard === undefined) delete t.guard;
      else t.guard = guard as boolean;
      t.from = odd.froms[i] ?? '*';
      t.by = odd.bys[i] ?? [];
    });
    d.routing[0]!.when = odd.when as boolean;
    d.computed = [{ field: 'nom', expression: odd.expression }];
    d.notifications[0]!.body = odd.texts[0] ?? '';
    d.notifications[1]!.subject = odd.texts[1] ?? '';
    d.letters[1]!.body = odd.texts[2] ?? '';
    d.letters[0]!.body = odd.texts[3] ?? '';
    d.tests = [
      {
        id: 't',
        name: 't',
        data: {},
        steps: [{ transition: 'deposer', actor: 'applicant', expect: { state: 'depose' } }],
      },
    ];
    if (odd.dropStates) d.workflow.states = [];
    if (odd.dropTransitions) d.workflow.transitions = [];
    return d;
  });

describe('lintDefinition on odd definitions', () => {
  it('never fails and only points at places that exist', () => {
    fc.assert(
      fc.property(oddDefinition, (definition) => {
        const found = lintDefinition(definition);
        expect(found.filter((d) => d.rule === 'lint-rule-failed')).toEqual([]);
        for (const diagnostic of found)
          expect(exists(definition, diagnostic.pointer), diagnostic.pointer).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never fails even where structural validation would have refused', () => {
    const slots = [
      'form',
      'workflow',
      'routing',
      'notifications',
      'letters',
      'computed',
      'tests',
      'dataSources',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...slots),
        fc.nat(6),
        fc.jsonValue({ maxDepth: 4 }),
        (slot, i, junk) => {
          const d = structuredClone(socialAidDefinition) as unknown as Record<string, unknown>;
          const parent = (
            slot === 'workflow' ? d['workflow'] : slot === 'form' ? d['form'] : d
          ) as Record<string, unknown>;
          const key =
            slot === 'workflow'
              ? (['states', 'transitions', 'initialState'][i % 3] as string)
              : slot === 'form'
                ? (['schema', 'pages', 'uiSchema'][i % 3] as string)
                : slot;
          const list = parent[key];
          if (Array.isArray(list) && list.length > 0 && i < 4) list[i % list.length] = junk;
          else parent[key] = junk;
          const found = lintDefinition(d as unknown as DemarcheDefinition);
          expect(found.filter((diagnostic) => diagnostic.rule === 'lint-rule-failed')).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles an empty definition shell', () => {
    const shell = {
      version: 2,
      meta: { slug: 's', title: 'S', referencePrefix: 'S' },
      form: { schema: true },
      workflow: { initialState: '', states: [], transitions: [] },
      routing: [],
      notifications: [],
      letters: [],
    } as DemarcheDefinition;
    expect(lintDefinition(shell).map((d) => d.rule)).toEqual(['unknown-state', 'no-final-state']);
  });
});
