import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, Role } from '../../shared/definition/index.ts';
import { loadTemplate } from '../../templates/index.ts';
import { applyDraftChanges } from './applyDraftChange.ts';
import type { DraftChange } from './draftChange.ts';
import { editHistory, startHistory } from './editHistory.ts';
import { formOutline, propertiesOf } from './formOutline.ts';

const loaded = loadTemplate('aide-sociale');
if (!loaded.ok) throw new Error('the aide-sociale template must load');
const TEMPLATE = loaded.value;

/** A fresh copy: loading (and validating) once per file keeps the runs cheap. */
function template(): DemarcheDefinition {
  return structuredClone(TEMPLATE);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Names and ids from a small pool, so changes often hit what exists and sometimes clash. */
const fieldName = fc.constantFrom(
  'nom',
  'prenom',
  'email',
  'situation',
  'conjoint',
  'revenuMensuel',
  'x',
  'y',
);
const sectionId = fc.constantFrom('identite', 'foyer', 's1', 's2');
const stateId = fc.constantFrom(
  'brouillon',
  'depose',
  'en_instruction',
  'complement',
  'accepte',
  'e1',
  'e2',
);
const transitionId = fc.constantFrom('deposer', 'accepter', 'retirer', 't1', 't2');
const index = fc.integer({ min: -1, max: 12 });
const position = fc.record({
  x: fc.integer({ min: -500, max: 500 }),
  y: fc.integer({ min: -500, max: 500 }),
});

const formChange: fc.Arbitrary<DraftChange> = fc.oneof(
  fc.record({
    type: fc.constant('addField' as const),
    field: fc.record({
      name: fieldName,
      schema: fc.constant({ type: 'string', title: 'Champ' }),
      required: fc.boolean(),
    }),
    index,
  }),
  fc.record({ type: fc.constant('removeField' as const), name: fieldName }),
  fc.record({ type: fc.constant('moveItem' as const), from: index, to: index }),
  fc.record({ type: fc.constant('updateField' as const), name: fieldName, required: fc.boolean() }),
  fc.record({ type: fc.constant('updateField' as const), name: fieldName, rename: fieldName }),
  fc.record({
    type: fc.constant('addSection' as const),
    section: fc.record({ id: sectionId, title: fc.constant('Section') }),
    index,
  }),
  fc.record({ type: fc.constant('removeSection' as const), id: sectionId }),
  fc.record({
    type: fc.constant('setComputed' as const),
    field: fieldName,
    expression: fc.constantFrom(null, 1, { '+': [1, 2] }),
  }),
);

const workflowChange: fc.Arbitrary<DraftChange> = fc.oneof(
  fc.record({
    type: fc.constant('addState' as const),
    state: fc.record({
      id: stateId,
      label: fc.constant('État'),
      kind: fc.constant('active' as const),
    }),
    position,
  }),
  fc.record({ type: fc.constant('removeState' as const), id: stateId }),
  fc.record({
    type: fc.constant('updateState' as const),
    id: stateId,
    patch: fc.record({ id: stateId }),
  }),
  fc.record({
    type: fc.constant('addTransition' as const),
    transition: fc.record({
      id: transitionId,
      label: fc.constant('Transition'),
      from: fc.array(stateId, { minLength: 1, maxLength: 2 }),
      to: stateId,
      by: fc.constant<Role[]>(['agent']),
    }),
  }),
  fc.record({ type: fc.constant('removeTransition' as const), id: transitionId }),
  fc.record({
    type: fc.constant('setPositions' as const),
    positions: fc.dictionary(stateId, position, { maxKeys: 3 }),
  }),
);

const anyChange = fc.oneof(formChange, workflowChange);

describe('applyDraftChanges — properties', () => {
  it('never mutates the draft it is given', () => {
    const definition = deepFreeze(template());
    fc.assert(
      fc.property(fc.array(anyChange, { maxLength: 12 }), (changes) => {
        applyDraftChanges(definition, changes);
      }),
    );
  });

  it('keeps the form coherent: each field once in the outline, sections and order name fields only', () => {
    fc.assert(
      fc.property(fc.array(formChange, { maxLength: 15 }), (changes) => {
        const next = applyDraftChanges(template(), changes);
        const fields = Object.keys(propertiesOf(next)).sort();
        const outlined = formOutline(next).flatMap((item) =>
          item.kind === 'field' ? [item.name] : [],
        );
        expect([...outlined].sort()).toEqual(fields);
        const order = next.form.uiSchema?.['ui:order'];
        expect([...(Array.isArray(order) ? order : fields)].sort()).toEqual(fields);
        for (const section of next.form.sections ?? []) {
          for (const name of section.fields) expect(fields).toContain(name);
        }
        const required = (next.form.schema as { required?: string[] }).required ?? [];
        for (const name of required) expect(fields).toContain(name);
        for (const entry of next.computed ?? []) expect(fields).toContain(entry.field);
      }),
    );
  });

  it('keeps the workflow coherent: transitions and positions name existing states', () => {
    fc.assert(
      fc.property(fc.array(workflowChange, { maxLength: 15 }), (changes) => {
        const next = applyDraftChanges(template(), changes);
        const states = new Set(next.workflow.states.map((state) => state.id));
        expect(states.size).toBe(next.workflow.states.length);
        for (const transition of next.workflow.transitions) {
          const known = [...states];
          // addTransition may name any state: only what removal and rename leave is checked.
          if (!changes.some((change) => change.type === 'addTransition')) {
            expect(known).toContain(transition.to);
            if (Array.isArray(transition.from))
              for (const from of transition.from) expect(known).toContain(from);
          }
          if (Array.isArray(transition.from)) expect(transition.from.length).toBeGreaterThan(0);
        }
        if (!changes.some((change) => change.type === 'setPositions')) {
          for (const id of Object.keys(next.workflow.layout?.positions ?? {}))
            expect(states).toContain(id);
        }
      }),
    );
  });

  it('editing one field keeps every other field, the workflow and the sections as they were (identity)', () => {
    // The preview and the outline redraw only what changed: they compare by identity.
    const edit = fc.oneof(
      fc.record({
        type: fc.constant('updateField' as const),
        name: fieldName,
        schema: fc.record({ type: fc.constant('string'), title: fc.string() }),
      }),
      fc.record({
        type: fc.constant('updateField' as const),
        name: fieldName,
        ui: fc.record({ 'ui:help': fc.string() }),
      }),
    );
    fc.assert(
      fc.property(edit, fc.boolean(), (change, stepwise) => {
        const definition = stepwise
          ? applyDraftChanges(template(), [{ type: 'setStepwise', stepwise: true }])
          : template();
        const next = applyDraftChanges(definition, [change]);
        const before = propertiesOf(definition);
        const after = propertiesOf(next);
        for (const name of Object.keys(before)) {
          if (name === change.name) continue;
          expect(after[name]).toBe(before[name]);
          expect(next.form.uiSchema?.[name]).toBe(definition.form.uiSchema?.[name]);
        }
        expect(next.workflow).toBe(definition.workflow);
        expect(next.form.sections).toBe(definition.form.sections);
        expect(next.form.pages).toBe(definition.form.pages);
        expect(next.form.uiSchema?.['ui:order']).toBe(definition.form.uiSchema?.['ui:order']);
        const schema = next.form.schema as Record<string, unknown>;
        const previous = definition.form.schema as Record<string, unknown>;
        for (const keyword of ['required', 'if', 'then', 'else', 'allOf', '$defs']) {
          expect(schema[keyword]).toBe(previous[keyword]);
        }
      }),
    );
  });

  it('moving an outline item only permutes the outline', () => {
    fc.assert(
      fc.property(fc.nat(7), fc.nat(7), (from, to) => {
        const definition = template();
        const before = formOutline(definition);
        const after = formOutline(applyDraftChanges(definition, [{ type: 'moveItem', from, to }]));
        expect(after).toHaveLength(before.length);
        expect(after).toEqual(expect.arrayContaining(before));
        expect(after[to]).toEqual(before[from]);
      }),
    );
  });

  it('a change naming nothing that exists gives back the very same draft', () => {
    const definition = template();
    const missing: DraftChange[] = [
      { type: 'removeField', name: 'absent' },
      { type: 'updateField', name: 'absent', required: true },
      { type: 'removeSection', id: 'absent' },
      { type: 'updateSection', id: 'absent', title: 'T' },
      { type: 'removeState', id: 'absent' },
      { type: 'updateState', id: 'absent', patch: { label: 'L' } },
      { type: 'removeTransition', id: 'absent' },
      { type: 'updateTransition', id: 'absent', patch: { label: 'L' } },
      { type: 'setInitialState', id: 'absent' },
      { type: 'moveItem', from: 99, to: 0 },
      { type: 'setComputed', field: 'absent', expression: null },
    ];
    for (const change of missing) expect(applyDraftChanges(definition, [change])).toBe(definition);
  });

  it('undoing every step gives the original back, redoing them all gives the last draft', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyChange, { minLength: 1, maxLength: 3 }), { maxLength: 10 }),
        (steps) => {
          const original = template();
          let history = startHistory(original);
          for (const changes of steps) history = editHistory(history, { type: 'apply', changes });
          const last = history.present;
          const recorded = history.past.length;
          for (let i = 0; i < recorded; i += 1) history = editHistory(history, { type: 'undo' });
          expect(history.present).toBe(original);
          for (let i = 0; i < recorded; i += 1) history = editHistory(history, { type: 'redo' });
          expect(history.present).toBe(last);
        },
      ),
    );
  });
});
