import { describe, expect, it } from 'vitest';
import { ajvErrorsToFieldErrors } from '../form/index.ts';
import { PAGED_AID_ALONE, pagedAidDefinition } from '../testing/pagedAidDefinition.ts';
import { allowedActions } from './allowedActions.ts';
import { apply } from './apply.ts';
import { checkPage } from './checkPage.ts';
import { compileDefinition } from './compileDefinition.ts';
import { pageVisibility } from './pageVisibility.ts';
import { checkSubmission } from './submissionCheck.ts';
import { applicant, dossierIn, NOW } from './testing/fixtures.ts';

const schemas = compileDefinition(pagedAidDefinition).schemas;
const draft = (data: Record<string, unknown>) => dossierIn('brouillon', { data, unit: null });

describe('pageVisibility', () => {
  it('shows a conditional page only when the data matches its condition', () => {
    expect(pageVisibility(schemas.pages, { situation: 'couple' })).toEqual({
      visible: new Set(['identite', 'foyer', 'conjoint', 'ressources']),
      hiddenFields: new Set(),
    });
    expect(pageVisibility(schemas.pages, { situation: 'seul', conjoint: 'Paul' })).toEqual({
      visible: new Set(['identite', 'foyer', 'ressources']),
      hiddenFields: new Set(['conjoint']),
    });
  });

  it('hides a page whose condition reads only an answer of a page hidden above it', () => {
    const pages = [
      { id: 'a', fields: ['x'], condition: null, checks: null },
      { id: 'b', fields: ['y'], condition: compileDefinitionCondition({ x: true }), checks: null },
      { id: 'c', fields: ['z'], condition: compileDefinitionCondition({ y: true }), checks: null },
    ];
    expect(pageVisibility(pages, { x: false, y: 'stale', z: 1 }).hiddenFields).toEqual(
      new Set(['y', 'z']),
    );
  });
});

/** A condition "field is present", without ajv: `pageVisibility` only calls it. */
function compileDefinitionCondition(required: Record<string, true>) {
  const check = (data: unknown) =>
    Object.keys(required).every((field) => {
      const value = (data as Record<string, unknown>)[field];
      return value !== undefined && value !== false;
    });
  return Object.assign(check, { errors: null }) as never;
}

describe('checkSubmission', () => {
  it('does not require the fields of a hidden page, and drops their data', () => {
    const checked = checkSubmission(schemas, { ...PAGED_AID_ALONE, conjoint: 'Paul' });
    expect(checked.errors).toEqual([]);
    expect(checked.data).toEqual(PAGED_AID_ALONE);
    expect(checked.dropped).toEqual(['conjoint']);
  });

  it('requires them when the page is shown', () => {
    const checked = checkSubmission(schemas, { ...PAGED_AID_ALONE, situation: 'couple' });
    expect(ajvErrorsToFieldErrors(checked.errors)).toEqual({
      conjoint: ['Ce champ est obligatoire.'],
    });
  });

  it('runs the checks of shown pages, keyed by field, in French', () => {
    const checked = checkSubmission(schemas, { ...PAGED_AID_ALONE, revenuMensuel: 3500 });
    expect(ajvErrorsToFieldErrors(checked.errors)).toEqual({
      revenuMensuel: ['La valeur doit être inférieure ou égale à 3\u202f000.'],
    });
  });
});

describe('checkPage', () => {
  it('reports only the page’s own fields and its checks', () => {
    const result = checkPage(schemas, 'identite', { nom: 'Martin', telephone: '12' });
    expect(result.kind).toBe('checked');
    if (result.kind !== 'checked') return;
    expect(ajvErrorsToFieldErrors(result.errors)).toEqual({
      prenom: ['Ce champ est obligatoire.'],
      email: ['Ce champ est obligatoire.'],
      telephone: [
        'Le numéro de téléphone n’est pas valide (10 chiffres commençant par 0, ou +33).',
      ],
    });
    const ressources = checkPage(schemas, 'ressources', { situation: 'seul', revenuMensuel: 4000 });
    expect(ressources.kind === 'checked' && ajvErrorsToFieldErrors(ressources.errors)).toEqual({
      revenuMensuel: ['La valeur doit être inférieure ou égale à 3\u202f000.'],
    });
  });

  it('says when the page is hidden or unknown', () => {
    expect(checkPage(schemas, 'conjoint', { situation: 'seul' })).toEqual({ kind: 'hidden' });
    expect(checkPage(schemas, 'inconnue', {})).toEqual({ kind: 'unknown-page' });
  });
});

describe('apply and allowedActions at submission', () => {
  it('submits without the hidden page’s data and logs what was dropped', () => {
    const result = apply(
      pagedAidDefinition,
      draft({ ...PAGED_AID_ALONE, conjoint: 'Paul' }),
      { transition: 'deposer', revision: 4 },
      undefined,
      applicant,
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.dossier.data).toEqual(PAGED_AID_ALONE);
    expect(result.value.events[0]?.changes['data.conjoint']).toEqual({
      before: 'Paul',
      after: null,
    });
  });

  it('keeps the same data object when nothing is hidden', () => {
    const data = { ...PAGED_AID_ALONE, situation: 'couple', conjoint: 'Paul' };
    const result = apply(
      pagedAidDefinition,
      draft(data),
      { transition: 'deposer', revision: 4 },
      undefined,
      applicant,
      NOW,
    );
    expect(result.ok && result.value.dossier.data).toBe(data);
  });

  it('lists a failed page check as what blocks the submission', () => {
    const actions = allowedActions(
      pagedAidDefinition,
      draft({ ...PAGED_AID_ALONE, revenuMensuel: 3500 }),
      applicant,
    );
    expect(actions.find((a) => a.transition === 'deposer')?.blockedBy).toEqual([
      expect.objectContaining({ field: '/revenuMensuel', rule: 'maximum' }),
    ]);
  });
});
