import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../shared/definition/definitionSchema.ts';
import { slugFromTitle } from './slugFromTitle.ts';
import { templateDraft } from './templateDraft.ts';

describe('slugFromTitle', () => {
  it.each([
    ['Carte de résident — 2026', 'carte-de-resident-2026'],
    ['  Aide à l’Énergie !! ', 'aide-a-l-energie'],
    ['Œuvres sociales', 'oeuvres-sociales'],
  ])('%s gives %s, a valid identifier', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(slug).toMatch(new RegExp(SLUG_PATTERN));
  });
});

describe('templateDraft', () => {
  it('renames the template for the new démarche and leaves the catalogue untouched', () => {
    const draft = templateDraft('aide-sociale', { slug: 'aide-ccas', title: 'Aide du CCAS' });
    expect(draft?.meta).toMatchObject({ slug: 'aide-ccas', title: 'Aide du CCAS' });
    expect(templateDraft('aide-sociale', { slug: 'autre', title: 'Autre' })?.meta.slug).toBe(
      'autre',
    );
    expect(draft?.workflow.states.length).toBeGreaterThan(0);
    expect(templateDraft('inconnu', { slug: 'x', title: 'X' })).toBeNull();
  });
});
