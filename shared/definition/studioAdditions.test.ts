import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import type { DemarcheDefinition } from './types.ts';
import { validateDefinition } from './validateDefinition.ts';

/** The sample with one change, still typed: format 2's additions are part of the type. */
function withChange(change: (definition: DemarcheDefinition) => void): DemarcheDefinition {
  const definition = structuredClone(socialAidDefinition);
  change(definition);
  return definition;
}

function problemPointers(json: unknown): string[] {
  const result = validateDefinition(json);
  return result.ok ? [] : result.error.map((problem) => problem.pointer);
}

describe('format 2: what the studio keeps in the definition', () => {
  it('accepts node positions and a viewport shaped as xyflow’s', () => {
    const laidOut = withChange((d) => {
      d.workflow.layout = {
        positions: { brouillon: { x: 0, y: 0 }, en_instruction: { x: 240.5, y: -80 } },
        viewport: { x: -12, y: 30, zoom: 0.75 },
      };
    });
    expect(validateDefinition(laidOut)).toEqual({ ok: true, value: laidOut });
  });

  it.each([
    ['a position that is not a number', { x: '10', y: 0 }, '/workflow/layout/positions/depose/x'],
    ['a NaN coordinate', { x: Number.NaN, y: 0 }, '/workflow/layout/positions/depose/x'],
    ['an infinite coordinate', { x: 0, y: Infinity }, '/workflow/layout/positions/depose/y'],
    ['a position without y', { x: 0 }, '/workflow/layout/positions/depose'],
  ])('refuses %s', (_, position, pointer) => {
    const document = withChange((d) => {
      d.workflow.layout = { positions: { depose: position as { x: number; y: number } } };
    });
    expect(problemPointers(document)).toContain(pointer);
  });

  it('refuses a zoom of zero or less, and a position keyed by something not an id', () => {
    const document = withChange((d) => {
      d.workflow.layout = {
        positions: { 'Pas un id': { x: 0, y: 0 } },
        viewport: { x: 0, y: 0, zoom: 0 },
      };
    });
    expect(problemPointers(document)).toEqual(
      expect.arrayContaining(['/workflow/layout/positions', '/workflow/layout/viewport/zoom']),
    );
  });

  it('accepts titled sections of fields, and refuses two sections with one id', () => {
    const sectioned = withChange((d) => {
      d.form.sections = [
        { id: 'identite', title: 'Votre identité', fields: ['nom', 'prenom'] },
        { id: 'ressources', title: 'Vos ressources', description: 'Mensuelles.', fields: [] },
      ];
    });
    expect(validateDefinition(sectioned).ok).toBe(true);
    const twice = withChange((d) => {
      d.form.sections = [
        { id: 'identite', title: 'Votre identité', fields: [] },
        { id: 'identite', title: 'Encore', fields: [] },
      ];
    });
    expect(problemPointers(twice)).toEqual(['/form/sections/1/id']);
  });

  it('keeps x- extensions at the root, in the form, pages, sections, workflow, states and transitions', () => {
    const extended = withChange((d) => {
      d['x-studio'] = { openedTab: 'graphe' };
      d.form['x-builder'] = 1;
      d.form.pages = [{ id: 'tout', title: 'Tout', fields: [], 'x-couleur': 'bleu' }];
      d.form.sections = [{ id: 's', title: 'S', fields: [], 'x-repli': true }];
      d.workflow['x-auto-layout'] = 'elk';
      d.workflow.states[0]!['x-note'] = 'relire';
      d.workflow.transitions[0]!['x-edge'] = { curve: 'smooth' };
    });
    expect(validateDefinition(extended)).toEqual({ ok: true, value: extended });
  });

  it('still refuses an unknown property that is not an extension', () => {
    const document = withChange((d) => {
      (d.workflow.states[0] as unknown as Record<string, unknown>)['note'] = 'relire';
    });
    expect(problemPointers(document)).toEqual(['/workflow/states/0/note']);
  });
});

describe('format 2: who may file (access)', () => {
  it('accepts a démarche open to visitors without an account', () => {
    const open = withChange((d) => {
      d.access = { anonymous: true };
    });
    expect(validateDefinition(open)).toEqual({ ok: true, value: open });
  });

  it('refuses an unknown access option or a non-boolean', () => {
    const unknown = withChange((d) => {
      (d as unknown as { access: unknown }).access = { anonymous: 'oui', public: true };
    });
    const pointers = problemPointers(unknown);
    expect(pointers).toContain('/access/anonymous');
    expect(pointers.some((p) => p.startsWith('/access'))).toBe(true);
  });
});
