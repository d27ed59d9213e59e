import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../shared/analysis/index.ts';
import { DEFINITION_FORMAT_VERSION } from '../shared/definition/index.ts';
import { runTestCase } from '../shared/engine/index.ts';
import { socialAidDefinition } from '../shared/testing/socialAidDefinition.ts';
import { loadTemplate, TEMPLATES } from './index.ts';

describe.each(TEMPLATES)('template $slug', (template) => {
  it('is written in the current format and validates without migration', () => {
    expect(template.document).toMatchObject({ version: DEFINITION_FORMAT_VERSION });
    const loaded = loadTemplate(template.slug);
    expect(loaded.ok ? [] : loaded.error).toEqual([]);
    expect(loaded.ok && loaded.value).toEqual(template.document);
  });

  it('lints with no error, and names itself as the catalogue does', () => {
    const loaded = loadTemplate(template.slug);
    if (!loaded.ok) throw new Error(`template ${template.slug} does not load`);
    const errors = lintDefinition(loaded.value).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(loaded.value.meta).toMatchObject({ slug: template.slug, title: template.title });
  });

  it('passes its own test cases through the engine', () => {
    const loaded = loadTemplate(template.slug);
    if (!loaded.ok) throw new Error(`template ${template.slug} does not load`);
    const outcomes = (loaded.value.tests ?? []).map((testCase) =>
      runTestCase(loaded.value, testCase, new Date('2026-03-02T09:00:00.000Z')),
    );
    expect(outcomes.filter((outcome) => !outcome.passed)).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('has one template per slug', () => {
    const slugs = TEMPLATES.map((template) => template.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('refuses a slug it does not hold', () => {
    expect(loadTemplate('inconnu')).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_TEMPLATE', slug: 'inconnu' },
    });
  });

  it('gives a fresh copy each time, so a seed cannot change the template', () => {
    const first = loadTemplate('aide-sociale');
    if (first.ok) first.value.meta.title = 'Modifié';
    const second = loadTemplate('aide-sociale');
    expect(second.ok && second.value.meta.title).toBe('Demande d’aide sociale');
  });

  // The demo runs the template, the tests run the fixture: they must be the same démarche.
  it('holds the social-aid démarche the tests run, plus its layout, sections and steps', () => {
    const loaded = loadTemplate('aide-sociale');
    if (!loaded.ok) throw new Error('aide-sociale does not load');
    const { layout: _layout, ...workflow } = loaded.value.workflow;
    const { sections: _sections, pages: _pages, ...form } = loaded.value.form;
    expect({ ...loaded.value, form, workflow }).toEqual(socialAidDefinition);
  });
});
