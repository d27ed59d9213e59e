import { describe, expect, it } from 'vitest';
import {
  type Actor,
  apply,
  type DossierSnapshot,
  dueTimers,
  SYSTEM_ACTOR,
} from '../../shared/engine/index.ts';
import { templateWalk } from '../testing/templateWalk.ts';
import sample from './sample.json' with { type: 'json' };

// The union-membership template walked through the engine: routing to the local union,
// dues computed from the salary, joining, complement, transfer, suspension, resignation.

const member: Actor = { id: 'adherente', roles: [], units: [] };
const lyonAgent: Actor = { id: 'agent-lyon', roles: ['agent'], units: ['ul-lyon-sante'] };
const parisAgent: Actor = { id: 'agent-paris', roles: ['agent'], units: ['ul-paris-sante'] };
const START = new Date('2026-03-02T09:00:00.000Z');
const walk = templateWalk('adhesion-syndicale', member.id, START);
const { definition, fire } = walk;
const draft = (data: Record<string, unknown> = sample) => walk.draft(data);

function active(): DossierSnapshot {
  const sent = fire(draft(), 'deposer', member).dossier;
  return fire(sent, 'valider', lyonAgent).dossier;
}

describe('joining', () => {
  it('uses sample.json as its test cases’ data', () => {
    expect(definition.tests?.map((testCase) => testCase.data)).toEqual([sample, sample]);
  });

  it('routes by sector and workplace département, and stores the dues worked out from the salary', () => {
    const { dossier, effects } = fire(draft(), 'deposer', member);
    expect(dossier.state).toBe('deposee');
    expect(dossier.unit).toBe('ul-lyon-sante');
    expect(dossier.data['cotisationMensuelle']).toBe(21.5);
    expect(effects.map((pending) => pending.effect)).toEqual([
      { type: 'notify', template: 'accuse-reception', to: { kind: 'applicant' } },
    ]);
    expect(dossier.dueAt).toBe('2026-03-17T09:00:00.000Z');
  });

  it('charges at least 5 € a month, and ignores dues the member typed', () => {
    const { dossier } = fire(
      draft({ ...sample, salaireNetMensuel: 320, cotisationMensuelle: 0.01 }),
      'deposer',
      member,
    );
    expect(dossier.data['cotisationMensuelle']).toBe(5);
  });

  it('sends a sector or département without a local union to the confederation', () => {
    const paris = fire(draft({ ...sample, codePostalTravail: '75011' }), 'deposer', member);
    expect(paris.dossier.unit).toBe('ul-paris-sante');
    const elsewhere = fire(draft({ ...sample, secteur: 'commerce' }), 'deposer', member);
    expect(elsewhere.dossier.unit).toBe('confederation');
  });

  it('refuses a member under 16, a wrong IBAN and a missing SEPA mandate, in French', () => {
    const result = apply(
      definition,
      draft({
        ...sample,
        naissance: '2015-01-01',
        iban: 'FR7630006000011234567890180',
        mandatSepa: false,
      }),
      { transition: 'deposer' },
      undefined,
      member,
      START,
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'INVALID_DATA') throw new Error('expected INVALID_DATA');
    expect(Object.keys(result.error.errors).sort()).toEqual(['iban', 'mandatSepa']);
    const rulesOnly = apply(
      definition,
      draft({ ...sample, naissance: '2015-01-01' }),
      { transition: 'deposer' },
      undefined,
      member,
      START,
    );
    expect(rulesOnly).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_DATA',
        errors: { naissance: ['L’adhésion est ouverte à partir de 16 ans.'] },
      },
    });
  });

  it('validates with the membership card and a welcome mail, and records the joining date', () => {
    const sent = fire(draft(), 'deposer', member).dossier;
    const { dossier, effects } = fire(
      sent,
      'valider',
      lyonAgent,
      undefined,
      new Date('2026-03-05T10:00:00.000Z'),
    );
    expect(dossier.state).toBe('adherent_actif');
    expect(dossier.milestones).toEqual({ adhesion: '2026-03-05T10:00:00.000Z' });
    expect(effects.map((pending) => pending.effect.type)).toEqual(['letter', 'notify']);
  });

  it('lets only the local union’s agents decide', () => {
    const sent = fire(draft(), 'deposer', member).dossier;
    const result = apply(definition, sent, { transition: 'valider' }, undefined, parisAgent, START);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', reason: 'unit' } });
  });

  it('asks for a complement, takes the correction, and files an unanswered one after two months', () => {
    const sent = fire(draft(), 'deposer', member).dossier;
    const asked = fire(sent, 'demander_complement', lyonAgent, {
      message: 'Votre BIC semble erroné.',
    });
    expect(asked.dossier.state).toBe('complement');
    const corrected = fire(
      { ...asked.dossier, data: { ...sample, bic: 'AGRIFRPPXXX' } },
      'completer',
      member,
    );
    expect(corrected.dossier.state).toBe('deposee');

    // P2M from the request: 2 March → 2 May, same hour.
    expect(dueTimers(definition, asked.dossier)).toEqual([
      { transition: 'classer_sans_suite', at: '2026-05-02T09:00:00.000Z' },
    ]);
    const afterTwoMonths = new Date('2026-05-02T09:00:00.000Z');
    const filed = fire(
      asked.dossier,
      'classer_sans_suite',
      SYSTEM_ACTOR,
      undefined,
      afterTwoMonths,
    );
    expect(filed.dossier.state).toBe('retiree');
  });
});

describe('a member’s life', () => {
  it('moves to another local union on a transfer, the old one told before the new one, no resignation', () => {
    const member = { ...active(), assigneeId: lyonAgent.id };
    const moved = fire(member, 'demander_transfert', lyonAgent, {
      syndicatAccueil: 'ul-paris-sante',
      raison: 'demenagement',
    });
    expect(moved.dossier).toMatchObject({
      state: 'transfert',
      unit: 'ul-paris-sante',
      assigneeId: null,
    });
    expect(moved.effects.map((pending) => pending.effect)).toEqual([
      { type: 'notify', template: 'transfert-sortant', to: { kind: 'unit' } },
      { type: 'notify', template: 'transfert-entrant', to: { kind: 'unit' } },
    ]);
    const welcomed = fire(moved.dossier, 'accepter_transfert', parisAgent);
    expect(welcomed.dossier).toMatchObject({ state: 'adherent_actif', unit: 'ul-paris-sante' });
    expect(welcomed.dossier.milestones).toEqual(member.milestones);
    const oldUnion = apply(
      definition,
      moved.dossier,
      { transition: 'accepter_transfert' },
      undefined,
      lyonAgent,
      START,
    );
    expect(oldUnion).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('refuses a transfer to a union that is not in the list', () => {
    const result = apply(
      definition,
      active(),
      { transition: 'demander_transfert' },
      { syndicatAccueil: 'ul-inconnue', raison: 'autre' },
      lyonAgent,
      START,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('suspends and resumes at the member’s request, then records a resignation from either state', () => {
    const suspended = fire(active(), 'suspendre', member, { motif: 'chomage' });
    expect(suspended.dossier.state).toBe('suspendu');
    const resumed = fire(suspended.dossier, 'reprendre', member);
    expect(resumed.dossier.state).toBe('adherent_actif');
    const left = fire(suspended.dossier, 'demissionner', member, {});
    expect(left.dossier.state).toBe('demissionnaire');
    expect(left.effects.map((pending) => pending.effect)).toEqual([
      { type: 'notify', template: 'demission', to: { kind: 'applicant' } },
      { type: 'notify', template: 'demission-syndicat', to: { kind: 'unit' } },
    ]);
    expect(
      fire(resumed.dossier, 'demissionner', member, { raison: 'Départ à la retraite' }).dossier
        .state,
    ).toBe('demissionnaire');
  });

  it('keeps a resignation the member’s own act', () => {
    const result = apply(
      definition,
      active(),
      { transition: 'demissionner' },
      {},
      lyonAgent,
      START,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', reason: 'owner' } });
  });
});
