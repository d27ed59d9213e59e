import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, FormPage } from '../../shared/definition/index.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { previewFields } from './previewFields.ts';

/** The social aid with the spouse's name declared by the condition only, and asked on pages. */
function withConditionalSpouse(pages?: FormPage[]): DemarcheDefinition {
  const definition = structuredClone(socialAidDefinition);
  const root = definition.form.schema as { properties: Record<string, unknown> };
  const { conjoint, ...properties } = root.properties;
  definition.form.schema = {
    ...root,
    properties,
    then: { properties: { conjoint }, required: ['conjoint'] },
  };
  definition.form.uiSchema = {};
  if (pages) definition.form.pages = pages;
  return definition;
}

describe('previewFields', () => {
  it('lists the form’s fields in the builder’s order', () => {
    expect(previewFields(socialAidDefinition, new Set())).toEqual([
      'nom',
      'prenom',
      'email',
      'situation',
      'conjoint',
      'revenuMensuel',
    ]);
  });

  it('adds a field only a condition declares where its page asks for it', () => {
    const definition = withConditionalSpouse([
      { id: 'foyer', title: 'Foyer', fields: ['situation', 'conjoint'] },
      { id: 'ressources', title: 'Ressources', fields: ['revenuMensuel'] },
    ]);
    const fields = previewFields(definition, new Set());
    expect(fields.indexOf('conjoint')).toBe(fields.indexOf('situation') + 1);
    // First on its page: before the page's next field.
    const first = withConditionalSpouse([
      { id: 'foyer', title: 'Foyer', fields: ['conjoint', 'situation'] },
    ]);
    const ordered = previewFields(first, new Set());
    expect(ordered.indexOf('conjoint')).toBe(ordered.indexOf('situation') - 1);
  });

  it('leaves out the fields of hidden pages, and what no page asks when there are none', () => {
    const definition = withConditionalSpouse([
      { id: 'foyer', title: 'Foyer', fields: ['situation', 'conjoint'] },
    ]);
    expect(previewFields(definition, new Set(['conjoint']))).not.toContain('conjoint');
    // The citizen app asks a form without pages for its declared fields only.
    expect(previewFields(withConditionalSpouse(), new Set())).not.toContain('conjoint');
  });
});
