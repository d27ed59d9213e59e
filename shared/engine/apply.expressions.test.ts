import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../definition/types.ts';
import { holidayAidDefinition } from '../testing/holidayAidDefinition.ts';
import { apply } from './apply.ts';
import { agent, applicant, dossierIn } from './testing/fixtures.ts';

// 3 December 2026 in Paris: the next rentrée is 1 September 2027.
const now = new Date('2026-12-03T10:00:00.000Z');
const filled = {
  email: 'marie@example.fr',
  naissance: '2018-03-10',
  debut: '2027-07-05',
  fin: '2027-07-19',
  budget: 3000,
  montant: 1500,
  quotient: 600,
  dateAttestation: '2026-01-15',
};
const draft = (data: Record<string, unknown>) =>
  dossierIn('brouillon', { data, unit: null, reference: 'VAC-2026-000001' });
const submit = (data: Record<string, unknown>, definition = holidayAidDefinition) =>
  apply(definition, draft(data), { transition: 'deposer' }, {}, applicant, now);

describe('apply: the form’s own rules on submission', () => {
  it('refuses with the admin’s message beside the field it concerns', () => {
    const result = submit({ ...filled, fin: '2027-07-01', montant: 1501 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_DATA',
        transition: 'deposer',
        errors: {
          fin: ['La fin du séjour doit être après son début.'],
          montant: ['L’aide demandée ne peut dépasser la moitié du coût du séjour.'],
        },
      },
    });
  });

  it('checks the schema first: rules wait for well-formed data', () => {
    const result = submit({ ...filled, fin: undefined });
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'INVALID_DATA') {
      expect(Object.keys(result.error.errors)).toEqual(['fin']);
      expect(result.error.errors['fin']).not.toContain(
        'La fin du séjour doit être après son début.',
      );
    }
  });

  it('reads today from `now`: the same birth date passes or fails with the day', () => {
    // 13 on 1 September 2027; seen from 2026-08-31 the rentrée is 1 September 2026: 12.
    const data = { ...filled, naissance: '2014-09-01' };
    expect(submit(data).ok).toBe(false);
    const summer = new Date('2026-08-31T10:00:00.000Z');
    expect(
      apply(holidayAidDefinition, draft(data), { transition: 'deposer' }, {}, applicant, summer).ok,
    ).toBe(true);
  });
});

describe('apply: computed values', () => {
  it('guards see the computed value, not the one stored by the client', () => {
    const guarded = structuredClone(holidayAidDefinition) as DemarcheDefinition;
    const deposer = guarded.workflow.transitions.find((t) => t.id === 'deposer');
    if (deposer === undefined) throw new Error('fixture changed');
    deposer.guard = { properties: { participation: { maximum: 1000 } } };
    const result = submit({ ...filled, participation: 10 }, guarded);
    expect(result).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED' } });
  });

  it('stores on submission the computed values worked out that day, whatever was sent', () => {
    const result = submit({ ...filled, taux: 0.1, participation: 1 });
    expect(result.ok && result.value.dossier.data).toEqual({
      ...filled,
      taux: 1,
      participation: 1500,
    });
  });

  it('leaves the data of other transitions as stored: only saves and submissions store', () => {
    const data = { ...filled, taux: 1, participation: 1500 };
    const result = apply(
      holidayAidDefinition,
      dossierIn('depose', { data, unit: 'ccas', reference: 'VAC-2026-000001' }),
      { transition: 'accorder' },
      {},
      agent,
      now,
    );
    expect(result.ok && result.value.dossier.data).toBe(data);
  });
});

describe('apply: conditional effects (`when`)', () => {
  it('keeps the effects whose condition holds, on computed values, without their condition', () => {
    // quotient 600: taux 1, participation min(1500 × 1, 1500) = 1500 > 1000.
    const result = submit(filled);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.effects.map((e) => e.effect)).toEqual([
      { type: 'notify', template: 'recu', to: { kind: 'applicant' } },
      {
        type: 'notify',
        template: 'gros-montant',
        to: { kind: 'email', address: 'regie@mairie.example' },
      },
    ]);
    expect(result.value.dossier.priority).toBe('high');
  });

  it('leaves out the effects whose condition does not hold', () => {
    // quotient 900: taux 0.5, participation 750.
    const result = submit({ ...filled, quotient: 900 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(
      result.value.effects.map((e) => e.effect.type === 'notify' && e.effect.template),
    ).toEqual(['recu']);
    expect(result.value.dossier.priority).toBe('normal');
  });

  it('reads the transition’s input as input.…', () => {
    const deposited = dossierIn('depose', { data: filled, unit: 'ccas' });
    const refuse = (motif: string) =>
      apply(holidayAidDefinition, deposited, { transition: 'refuser' }, { motif }, agent, now);
    const incomplete = refuse('incomplet');
    const outside = refuse('hors-criteres');
    expect(incomplete.ok && incomplete.value.effects.length).toBe(1);
    expect(outside.ok && outside.value.effects.length).toBe(0);
  });

  it('a condition that cannot run leaves the effect out', () => {
    const broken = structuredClone(holidayAidDefinition) as DemarcheDefinition;
    const effects = broken.workflow.transitions.find((t) => t.id === 'deposer')?.effects ?? [];
    for (const effect of effects) effect.when = { inconnu: [] };
    const result = submit(filled, broken);
    expect(result.ok && result.value.effects).toEqual([]);
  });
});
