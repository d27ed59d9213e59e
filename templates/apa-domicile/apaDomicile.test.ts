import { describe, expect, it } from 'vitest';
import {
  type Actor,
  allowedActions,
  apply,
  type DossierSnapshot,
  dueTimers,
  SYSTEM_ACTOR,
} from '../../shared/engine/index.ts';
import { templateWalk } from '../testing/templateWalk.ts';
import sample from './sample.json' with { type: 'json' };

// The APA template walked through the engine: routing to the MDS, the 60-year rule,
// missing documents, the legal two months from the complete file kept across states,
// the reminder two weeks before, GIR 5–6 refused, the plan accepted or changed, decision.

const applicant: Actor = { id: 'jeanne', roles: [], units: [] };
const agent: Actor = { id: 'evaluatrice', roles: ['agent'], units: ['mds-villeurbanne'] };
const head: Actor = { id: 'cheffe', roles: ['supervisor'], units: ['mds-villeurbanne'] };
const DEPOSIT = new Date('2026-03-02T09:00:00.000Z');
const walk = templateWalk('apa-domicile', applicant.id, DEPOSIT);
const { definition, fire } = walk;
const draft = (data: Record<string, unknown> = sample) => walk.draft(data);
const COMPLETE = new Date('2026-03-10T14:00:00.000Z');
const visit = {
  dateVisite: '2026-03-20',
  gir: 4,
  planAide: '12 heures d’aide à domicile par mois, téléassistance',
  montantPlan: 310.5,
  participation: 42,
};

function complete(): DossierSnapshot {
  const sent = fire(draft(), 'deposer', applicant).dossier;
  return fire(sent, 'declarer_complet', agent, undefined, COMPLETE).dossier;
}

describe('the request', () => {
  it('goes to the MDS of the applicant’s postcode, the central one otherwise', () => {
    expect(fire(draft(), 'deposer', applicant).dossier.unit).toBe('mds-villeurbanne');
    expect(fire(draft({ ...sample, codePostal: '69008' }), 'deposer', applicant).dossier.unit).toBe(
      'mds-lyon-est',
    );
    expect(fire(draft({ ...sample, codePostal: '69500' }), 'deposer', applicant).dossier.unit).toBe(
      'mds-centre',
    );
  });

  it('is refused under 60 on the day of the request, with the admin’s message', () => {
    const result = apply(
      definition,
      draft({ ...sample, naissance: '1966-03-03' }),
      { transition: 'deposer' },
      undefined,
      applicant,
      DEPOSIT,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_DATA',
        errors: {
          naissance: [
            'L’APA est réservée aux personnes de 60 ans et plus à la date de la demande.',
          ],
        },
      },
    });
    // 60 the day before: accepted.
    expect(
      fire(draft({ ...sample, naissance: '1966-03-01' }), 'deposer', applicant).dossier.state,
    ).toBe('depose');
  });

  it('asks for the spouse only for a couple, and drops a single person’s spouse answers', () => {
    const couple = apply(
      definition,
      draft({ ...sample, situation: 'couple' }),
      { transition: 'deposer' },
      undefined,
      applicant,
      DEPOSIT,
    );
    expect(couple).toMatchObject({ ok: false, error: { code: 'INVALID_DATA' } });
    if (couple.ok || couple.error.code !== 'INVALID_DATA') throw new Error('expected INVALID_DATA');
    expect(Object.keys(couple.error.errors).sort()).toEqual(['conjointNaissance', 'conjointNom']);
    const single = fire(draft({ ...sample, conjointNom: 'Paul Lefèvre' }), 'deposer', applicant);
    expect(single.dossier.data).not.toHaveProperty('conjointNom');
  });

  it('mails the acknowledgement only to an applicant who gave an address', () => {
    const withMail = fire(draft(), 'deposer', applicant);
    expect(withMail.effects.map((pending) => pending.effect.type)).toEqual(['notify']);
    const { email: _none, ...withoutMail } = sample;
    expect(fire(draft(withoutMail), 'deposer', applicant).effects).toEqual([]);
  });
});

describe('completeness', () => {
  it('asks for missing documents by letter, and files an unanswered request after three months', () => {
    const sent = fire(draft(), 'deposer', applicant).dossier;
    const asked = fire(sent, 'demander_pieces', agent, {
      message: 'Votre avis d’imposition 2025.',
    });
    expect(asked.dossier.state).toBe('complement');
    expect(asked.effects.map((pending) => pending.effect.type)).toEqual(['letter', 'notify']);
    expect(dueTimers(definition, asked.dossier)).toEqual([
      { transition: 'classer', at: '2026-06-02T09:00:00.000Z' },
    ]);
    const filed = fire(
      asked.dossier,
      'classer',
      SYSTEM_ACTOR,
      undefined,
      new Date('2026-06-02T09:00:00.000Z'),
    );
    expect(filed.dossier.state).toBe('classee');
    const answered = fire(asked.dossier, 'completer', applicant);
    expect(answered.dossier.state).toBe('depose');
  });

  it('starts the legal two months at the complete file, told to the applicant by letter', () => {
    const dossier = complete();
    expect(dossier).toMatchObject({
      state: 'evaluation',
      milestones: { complet: COMPLETE.toISOString() },
      dueAt: '2026-05-10T14:00:00.000Z',
    });
  });
});

describe('evaluation and decision', () => {
  it('reminds the unit two weeks before the deadline and marks the dossier urgent', () => {
    const dossier = complete();
    expect(dueTimers(definition, dossier)).toEqual([
      { transition: 'rappel_echeance', at: '2026-04-25T14:00:00.000Z' },
    ]);
    const reminded = fire(
      dossier,
      'rappel_echeance',
      SYSTEM_ACTOR,
      undefined,
      new Date('2026-04-25T14:00:00.000Z'),
    );
    expect(reminded.dossier).toMatchObject({
      state: 'evaluation_urgente',
      priority: 'urgent',
      dueAt: '2026-05-10T14:00:00.000Z',
    });
    expect(reminded.effects.map((pending) => pending.effect)).toEqual([
      { type: 'notify', template: 'rappel-echeance', to: { kind: 'unit' } },
    ]);
    // No second reminder from the urgent state.
    expect(dueTimers(definition, reminded.dossier)).toEqual([]);
  });

  it('keeps the deadline through the plan, a change asked, and the decision', () => {
    const proposed = fire(
      complete(),
      'proposer_plan',
      agent,
      visit,
      new Date('2026-03-21T10:00:00.000Z'),
    );
    expect(proposed.dossier).toMatchObject({
      state: 'proposition',
      dueAt: '2026-05-10T14:00:00.000Z',
      data: { gir: 4, montantPlan: 310.5, participation: 42 },
    });
    const changed = fire(proposed.dossier, 'demander_modification', applicant, {
      souhaits: 'Plutôt le matin, et le portage des repas.',
    });
    expect(changed.dossier).toMatchObject({
      state: 'evaluation',
      dueAt: '2026-05-10T14:00:00.000Z',
    });
    const again = fire(changed.dossier, 'proposer_plan', agent, { ...visit, montantPlan: 402 });
    const accepted = fire(again.dossier, 'accepter_plan', applicant);
    expect(accepted.dossier).toMatchObject({
      state: 'decision',
      dueAt: '2026-05-10T14:00:00.000Z',
    });
    const granted = fire(accepted.dossier, 'accorder', head);
    expect(granted.dossier.state).toBe('accordee');
    expect(granted.effects.map((pending) => pending.effect.type)).toEqual(['letter', 'notify']);
  });

  it('refuses a participation above the plan itself, beside the participation', () => {
    const planned = apply(
      definition,
      complete(),
      { transition: 'proposer_plan' },
      { ...visit, participation: 400 },
      agent,
      COMPLETE,
    );
    expect(planned).toMatchObject({
      ok: false,
      error: {
        code: 'GUARD_FAILED',
        failures: [
          {
            field: '/participation',
            message:
              'La participation du bénéficiaire ne peut pas dépasser le montant du plan d’aide.',
          },
        ],
      },
    });
  });

  it('refuses a GIR 5 or 6 plan, in the admin’s words, and offers the GIR refusal instead', () => {
    const dossier = complete();
    const planned = apply(
      definition,
      dossier,
      { transition: 'proposer_plan' },
      { ...visit, gir: 5 },
      agent,
      COMPLETE,
    );
    expect(planned).toMatchObject({
      ok: false,
      error: {
        code: 'GUARD_FAILED',
        failures: [
          { message: 'Un GIR 5 ou 6 n’ouvre pas droit à l’APA : enregistrez plutôt un refus.' },
        ],
      },
    });
    const wrongRefusal = apply(
      definition,
      dossier,
      { transition: 'refuser_gir' },
      { dateVisite: '2026-03-20', gir: 3 },
      agent,
      COMPLETE,
    );
    expect(wrongRefusal).toMatchObject({ ok: false, error: { code: 'GUARD_FAILED' } });
    const refused = fire(dossier, 'refuser_gir', agent, { dateVisite: '2026-03-20', gir: 6 });
    expect(refused.dossier).toMatchObject({ state: 'refusee', data: { gir: 6 } });
    expect(refused.effects.map((pending) => pending.effect.type)).toEqual(['letter', 'notify']);
  });

  it('leaves the decision to the head of service', () => {
    const proposed = fire(complete(), 'proposer_plan', agent, visit);
    const accepted = fire(proposed.dossier, 'accepter_plan', applicant).dossier;
    const actions = allowedActions(definition, accepted, agent).map((action) => action.transition);
    expect(actions).not.toContain('accorder');
    expect(allowedActions(definition, accepted, head).map((action) => action.transition)).toEqual(
      expect.arrayContaining(['accorder', 'refuser']),
    );
  });
});
