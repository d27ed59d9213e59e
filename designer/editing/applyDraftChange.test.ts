import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { loadTemplate } from '../../templates/index.ts';
import { applyDraftChange, applyDraftChanges } from './applyDraftChange.ts';
import { formOutline } from './formOutline.ts';

/** The aide-sociale template: sections and node positions, on top of the test fixture. */
function template(): DemarcheDefinition {
  const loaded = loadTemplate('aide-sociale');
  if (!loaded.ok) throw new Error('the aide-sociale template must load');
  return loaded.value;
}

const outlineText = (definition: DemarcheDefinition) =>
  formOutline(definition).map((item) => (item.kind === 'field' ? item.name : `§${item.id}`));

const required = (definition: DemarcheDefinition) =>
  (definition.form.schema as { required: string[] }).required;

describe('applyDraftChange — form', () => {
  it('lists the outline: unsectioned fields, then each section heading and its fields in ui:order', () => {
    expect(outlineText(template())).toEqual([
      '§identite',
      'nom',
      'prenom',
      'email',
      '§foyer',
      'situation',
      'conjoint',
      'revenuMensuel',
    ]);
    expect(outlineText(socialAidDefinition)).toEqual([
      'nom',
      'prenom',
      'email',
      'situation',
      'conjoint',
      'revenuMensuel',
    ]);
  });

  it('adds a required field at an outline index, inside the section above it', () => {
    const next = applyDraftChange(template(), {
      type: 'addField',
      field: {
        name: 'telephone',
        schema: { type: 'string', title: 'Téléphone', format: 'telephone-fr' },
        ui: { 'x-kind': 'phone' },
        required: true,
      },
      index: 4,
    });
    expect(outlineText(next).slice(0, 6)).toEqual([
      '§identite',
      'nom',
      'prenom',
      'email',
      'telephone',
      '§foyer',
    ]);
    expect(next.form.sections?.[0]?.fields).toEqual(['nom', 'prenom', 'email', 'telephone']);
    expect(required(next)).toContain('telephone');
    expect(next.form.uiSchema?.['telephone']).toEqual({ 'x-kind': 'phone' });
  });

  it('ignores a field whose name is taken, returning the same object', () => {
    const definition = template();
    const next = applyDraftChange(definition, {
      type: 'addField',
      field: { name: 'nom', schema: { type: 'number' } },
    });
    expect(next).toBe(definition);
  });

  it('moves a field into another section and a section above another', () => {
    const definition = template();
    const moved = applyDraftChange(definition, { type: 'moveItem', from: 1, to: 7 });
    expect(outlineText(moved)).toEqual([
      '§identite',
      'prenom',
      'email',
      '§foyer',
      'situation',
      'conjoint',
      'revenuMensuel',
      'nom',
    ]);
    expect(moved.form.sections?.[1]?.fields).toEqual([
      'situation',
      'conjoint',
      'revenuMensuel',
      'nom',
    ]);
    expect(moved.form.uiSchema?.['ui:order']).toEqual([
      'prenom',
      'email',
      'situation',
      'conjoint',
      'revenuMensuel',
      'nom',
    ]);
    const sections = applyDraftChange(definition, { type: 'moveItem', from: 4, to: 0 });
    expect(outlineText(sections)[0]).toBe('§foyer');
    expect(sections.form.sections?.map((section) => section.id)).toEqual(['foyer', 'identite']);
  });

  it('renames a field everywhere the form names it', () => {
    const definition: DemarcheDefinition = {
      ...template(),
      computed: [{ field: 'revenuMensuel', expression: { '*': [1, 2] } }],
    };
    const next = applyDraftChange(definition, {
      type: 'updateField',
      name: 'revenuMensuel',
      rename: 'revenu',
      ui: { 'ui:help': 'Net, par mois.' },
    });
    expect(Object.keys((next.form.schema as { properties: object }).properties)).toContain(
      'revenu',
    );
    expect(required(next)).toContain('revenu');
    expect(required(next)).not.toContain('revenuMensuel');
    expect(next.form.uiSchema?.['revenu']).toEqual({ 'ui:help': 'Net, par mois.' });
    expect(next.form.sections?.[1]?.fields).toEqual(['situation', 'conjoint', 'revenu']);
    expect(next.computed).toEqual([{ field: 'revenu', expression: { '*': [1, 2] } }]);
  });

  it('refuses a rename onto an existing field', () => {
    const definition = template();
    expect(
      applyDraftChange(definition, { type: 'updateField', name: 'nom', rename: 'prenom' }),
    ).toBe(definition);
  });

  it('toggles required without touching the rest of the schema', () => {
    const definition = template();
    const next = applyDraftChange(definition, {
      type: 'updateField',
      name: 'conjoint',
      required: true,
    });
    expect(required(next)).toContain('conjoint');
    const back = applyDraftChange(next, { type: 'updateField', name: 'conjoint', required: false });
    expect(required(back)).not.toContain('conjoint');
    expect((back.form.schema as { then: unknown }).then).toEqual({ required: ['conjoint'] });
  });

  it('removes a field from the schema, required, UI, sections, pages and computed values', () => {
    const definition: DemarcheDefinition = {
      ...template(),
      computed: [{ field: 'revenuMensuel', expression: 1 }],
    };
    definition.form = {
      ...definition.form,
      pages: [{ id: 'p', title: 'Page', fields: ['nom', 'revenuMensuel'] }],
      uiSchema: { ...definition.form.uiSchema, revenuMensuel: { 'x-kind': 'amount' } },
    };
    const next = applyDraftChange(definition, { type: 'removeField', name: 'revenuMensuel' });
    expect(JSON.stringify(next.form)).not.toContain('revenuMensuel');
    expect(next.computed).toBeUndefined();
    expect(next.form.pages?.[0]?.fields).toEqual(['nom']);
  });

  it('adds, retitles and removes a section; its fields join the section above', () => {
    const added = applyDraftChange(template(), {
      type: 'addSection',
      section: { id: 'contact', title: 'Contact' },
      index: 3,
    });
    expect(outlineText(added).slice(0, 5)).toEqual([
      '§identite',
      'nom',
      'prenom',
      '§contact',
      'email',
    ]);
    const retitled = applyDraftChange(added, {
      type: 'updateSection',
      id: 'contact',
      title: 'Vous joindre',
    });
    expect(retitled.form.sections?.[1]).toEqual({
      id: 'contact',
      title: 'Vous joindre',
      fields: ['email'],
    });
    const removed = applyDraftChange(retitled, { type: 'removeSection', id: 'contact' });
    expect(removed.form.sections?.[0]?.fields).toEqual(['nom', 'prenom', 'email']);
  });

  it('sets, changes and removes a computed value', () => {
    const definition = template();
    const set = applyDraftChange(definition, {
      type: 'setComputed',
      field: 'revenuMensuel',
      expression: { '+': [1, 1] },
    });
    expect(set.computed).toEqual([{ field: 'revenuMensuel', expression: { '+': [1, 1] } }]);
    const cleared = applyDraftChange(set, {
      type: 'setComputed',
      field: 'revenuMensuel',
      expression: null,
    });
    expect(cleared.computed).toBeUndefined();
    expect(
      applyDraftChange(definition, { type: 'setComputed', field: 'inconnu', expression: 1 }),
    ).toBe(definition);
  });
});

describe('applyDraftChange — workflow', () => {
  it('adds a state with its position and patches it, removing a key set to undefined', () => {
    const added = applyDraftChange(template(), {
      type: 'addState',
      state: { id: 'attente', label: 'En attente', kind: 'active', sla: 'P3D' },
      position: { x: 10, y: 20 },
    });
    expect(added.workflow.layout?.positions['attente']).toEqual({ x: 10, y: 20 });
    const patched = applyDraftChange(added, {
      type: 'updateState',
      id: 'attente',
      patch: { label: 'Attente', sla: undefined },
    });
    expect(patched.workflow.states.at(-1)).toEqual({
      id: 'attente',
      label: 'Attente',
      kind: 'active',
    });
  });

  it('follows a renamed state through transitions, the initial state and the layout', () => {
    const next = applyDraftChange(template(), {
      type: 'updateState',
      id: 'brouillon',
      patch: { id: 'saisie' },
    });
    expect(next.workflow.initialState).toBe('saisie');
    expect(next.workflow.transitions.find((t) => t.id === 'deposer')?.from).toEqual(['saisie']);
    expect(next.workflow.layout?.positions['saisie']).toEqual({ x: 0, y: 120 });
    expect(next.workflow.layout?.positions['brouillon']).toBeUndefined();
  });

  it('removes a state with the transitions leading to it and its position', () => {
    const next = applyDraftChange(template(), { type: 'removeState', id: 'complement' });
    const ids = next.workflow.transitions.map((transition) => transition.id);
    expect(ids).not.toContain('demander_complement');
    expect(ids).not.toContain('completer');
    expect(ids).not.toContain('expirer');
    expect(ids).toContain('retirer');
    expect(next.workflow.layout?.positions['complement']).toBeUndefined();
  });

  it('adds, patches and removes a transition; a taken id is ignored', () => {
    const definition = template();
    const transition = {
      id: 'relancer',
      label: 'Relancer',
      from: ['depose'],
      to: 'depose',
      by: ['agent' as const],
    };
    const added = applyDraftChange(definition, { type: 'addTransition', transition });
    expect(applyDraftChange(added, { type: 'addTransition', transition })).toBe(added);
    const patched = applyDraftChange(added, {
      type: 'updateTransition',
      id: 'relancer',
      patch: { label: 'Relancer le dossier' },
    });
    expect(patched.workflow.transitions.at(-1)?.label).toBe('Relancer le dossier');
    expect(
      applyDraftChange(patched, {
        type: 'updateTransition',
        id: 'relancer',
        patch: { id: 'deposer' },
      }),
    ).toBe(patched);
    const removed = applyDraftChange(patched, { type: 'removeTransition', id: 'relancer' });
    expect(removed.workflow.transitions).toEqual(definition.workflow.transitions);
  });

  it('merges positions, sets and forgets the viewport, changes the initial state', () => {
    const next = applyDraftChanges(template(), [
      { type: 'setPositions', positions: { depose: { x: 1, y: 2 } } },
      { type: 'setViewport', viewport: { x: 5, y: 6, zoom: 1.5 } },
      { type: 'setInitialState', id: 'depose' },
    ]);
    expect(next.workflow.layout?.positions['depose']).toEqual({ x: 1, y: 2 });
    expect(next.workflow.layout?.positions['brouillon']).toEqual({ x: 0, y: 120 });
    expect(next.workflow.layout?.viewport).toEqual({ x: 5, y: 6, zoom: 1.5 });
    expect(next.workflow.initialState).toBe('depose');
    const forgotten = applyDraftChange(next, { type: 'setViewport', viewport: null });
    expect(forgotten.workflow.layout?.viewport).toBeUndefined();
  });

  it('keeps the identity of what a change does not touch', () => {
    const definition = template();
    const next = applyDraftChange(definition, {
      type: 'updateState',
      id: 'depose',
      patch: { label: 'Reçu' },
    });
    expect(next.form).toBe(definition.form);
    expect(next.workflow.transitions).toBe(definition.workflow.transitions);
    expect(next.workflow.states[0]).toBe(definition.workflow.states[0]);
  });
});

describe('applyDraftChange — document', () => {
  it('merges meta and replaces the whole definition', () => {
    const definition = template();
    const titled = applyDraftChange(definition, {
      type: 'setMeta',
      patch: { title: 'Aide', description: 'x' },
    });
    expect(titled.meta).toEqual({ ...definition.meta, title: 'Aide', description: 'x' });
    expect(applyDraftChange(titled, { type: 'replaceDefinition', definition })).toBe(definition);
  });
});
