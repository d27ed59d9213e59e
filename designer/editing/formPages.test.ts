import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { loadTemplate } from '../../templates/index.ts';
import { applyDraftChange, applyDraftChanges } from './applyDraftChange.ts';

function template(slug: string): DemarcheDefinition {
  const loaded = loadTemplate(slug);
  if (!loaded.ok) throw new Error(`${slug} must load`);
  return loaded.value;
}

/** aide-sociale without its pages: two sections, one page. */
function onePage(): DemarcheDefinition {
  const definition = template('aide-sociale');
  const { pages: _pages, ...form } = definition.form;
  return { ...definition, form };
}

const pagesOf = (definition: DemarcheDefinition) =>
  definition.form.pages?.map((page) => [page.id, page.fields, page.condition ?? null]);

describe('steps built from sections', () => {
  it('makes one page per section, and one page again when turned off', () => {
    const stepwise = applyDraftChange(onePage(), { type: 'setStepwise', stepwise: true });
    expect(pagesOf(stepwise)).toEqual([
      ['identite', ['nom', 'prenom', 'email'], null],
      ['foyer', ['situation', 'conjoint', 'revenuMensuel'], null],
    ]);
    expect(stepwise.form.pages?.[1]?.title).toBe('Votre foyer et vos ressources');
    const back = applyDraftChange(stepwise, { type: 'setStepwise', stepwise: false });
    expect(back.form.pages).toBeUndefined();
  });

  it('follows the form: a field moved, added above the first section, a section removed', () => {
    const start = applyDraftChange(onePage(), { type: 'setStepwise', stepwise: true });
    const conditioned = applyDraftChange(start, {
      type: 'setPageCondition',
      id: 'foyer',
      condition: { required: ['email'] },
    });
    const edited = applyDraftChanges(conditioned, [
      // « email » (outline 3) down under « Votre foyer » (after its heading, outline 4).
      { type: 'moveItem', from: 3, to: 4 },
      {
        type: 'addField',
        field: { name: 'telephone', schema: { type: 'string', title: 'Téléphone' } },
        index: 0,
      },
    ]);
    expect(pagesOf(edited)).toEqual([
      ['debut', ['telephone'], null],
      ['identite', ['nom', 'prenom'], null],
      ['foyer', ['email', 'situation', 'conjoint', 'revenuMensuel'], { required: ['email'] }],
    ]);
    const merged = applyDraftChange(edited, { type: 'removeSection', id: 'foyer' });
    expect(pagesOf(merged)).toEqual([
      ['debut', ['telephone'], null],
      ['identite', ['nom', 'prenom', 'email', 'situation', 'conjoint', 'revenuMensuel'], null],
    ]);
  });

  it('leaves pages written in the JSON tab alone', () => {
    const union = template('adhesion-syndicale');
    const added = applyDraftChange(union, {
      type: 'addField',
      field: { name: 'remarque', schema: { type: 'string', title: 'Remarque' } },
    });
    expect(added.form.pages).toEqual(union.form.pages);
    expect(applyDraftChange(union, { type: 'setPageCondition', id: 'x', condition: {} })).toBe(
      union,
    );
  });
});
