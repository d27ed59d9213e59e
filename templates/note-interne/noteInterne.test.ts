import { describe, expect, it } from 'vitest';
import { type Actor, apply, type DossierSnapshot, dueTimers } from '../../shared/engine/index.ts';
import { templateWalk } from '../testing/templateWalk.ts';
import sample from './sample.json' with { type: 'json' };

// The internal-note template through the engine: routing to the service asked,
// urgency, delegation, the head of service's validation, one follow-up question only.

// The asker is an agent of another service: the dossier's applicant.
const asker: Actor = { id: 'agent-sport', roles: ['agent'], units: ['service-sports'] };
const jurist: Actor = { id: 'juriste', roles: ['agent'], units: ['service-juridique'] };
const headOfLegal: Actor = {
  id: 'chef-juridique',
  roles: ['supervisor'],
  units: ['service-juridique'],
};
const hr: Actor = { id: 'agent-rh', roles: ['agent'], units: ['service-rh'] };
const NOW = new Date('2026-05-04T08:30:00.000Z');
const walk = templateWalk('note-interne', asker.id, NOW);
const { definition, fire } = walk;
const draft = (data: Record<string, unknown> = sample) => walk.draft(data);

function answered(): DossierSnapshot {
  const sent = fire(draft(), 'transmettre', asker).dossier;
  const taken = fire(sent, 'prendre_en_charge', jurist).dossier;
  const drafted = fire(taken, 'rediger_reponse', jurist, {
    reponse: 'Une convention est nécessaire.',
  }).dossier;
  return fire(drafted, 'valider_reponse', headOfLegal).dossier;
}

describe('asking', () => {
  it('reaches the service asked, urgent notes with a high priority', () => {
    const { dossier, effects } = fire(draft(), 'transmettre', asker);
    expect(dossier).toMatchObject({
      state: 'transmise',
      unit: 'service-juridique',
      priority: 'high',
    });
    expect(effects.map((pending) => pending.effect)).toEqual([
      { type: 'notify', template: 'nouvelle-note', to: { kind: 'unit' } },
    ]);
    const normal = fire(
      draft({ ...sample, urgence: 'normale', serviceDestinataire: 'service-rh' }),
      'transmettre',
      asker,
    );
    expect(normal.dossier).toMatchObject({ unit: 'service-rh', priority: 'normal' });
  });

  it('refuses a wished date already past, in the admin’s words', () => {
    const result = apply(
      definition,
      draft({ ...sample, echeanceSouhaitee: '2026-05-01' }),
      { transition: 'transmettre' },
      undefined,
      asker,
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { errors: { echeanceSouhaitee: ['La date souhaitée ne peut pas être déjà passée.'] } },
    });
  });

  it('can be delegated to another service, which gets it unassigned, the asker told', () => {
    const taken = fire(fire(draft(), 'transmettre', asker).dossier, 'prendre_en_charge', jurist);
    expect(taken.dossier.assigneeId).toBe(jurist.id);
    const delegated = fire(taken.dossier, 'deleguer', jurist, { service: 'service-rh' });
    expect(delegated.dossier).toMatchObject({
      state: 'transmise',
      unit: 'service-rh',
      assigneeId: null,
    });
    expect(delegated.effects.map((pending) => pending.effect.type)).toEqual(['notify', 'notify']);
    expect(fire(delegated.dossier, 'prendre_en_charge', hr).dossier.state).toBe('en_cours');
  });
});

describe('answering', () => {
  it('stores the answer, which only the head of service sends', () => {
    const sent = fire(draft(), 'transmettre', asker).dossier;
    const taken = fire(sent, 'prendre_en_charge', jurist).dossier;
    const drafted = fire(taken, 'rediger_reponse', jurist, {
      reponse: 'Une convention est nécessaire.',
    });
    expect(drafted.dossier).toMatchObject({
      state: 'reponse_redigee',
      data: { reponse: 'Une convention est nécessaire.' },
    });
    const byAgent = apply(
      definition,
      drafted.dossier,
      { transition: 'valider_reponse' },
      undefined,
      jurist,
      NOW,
    );
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const back = fire(drafted.dossier, 'faire_reprendre', headOfLegal, {
      remarques: 'Citez la délibération.',
    });
    expect(back.dossier.state).toBe('en_cours');
    const sentBack = fire(drafted.dossier, 'valider_reponse', headOfLegal);
    expect(sentBack.dossier.state).toBe('reponse_envoyee');
    expect(sentBack.effects.map((pending) => pending.effect)).toEqual([
      { type: 'notify', template: 'reponse-envoyee', to: { kind: 'applicant' } },
    ]);
  });

  it('lets the asker follow up once, then closes by itself after fifteen days', () => {
    const reopened = fire(answered(), 'relancer', asker, {
      questionSuivi: 'Quelle durée maximale ?',
    });
    expect(reopened.dossier).toMatchObject({
      state: 'en_cours',
      data: { questionSuivi: 'Quelle durée maximale ?' },
    });
    const again = fire(
      fire(reopened.dossier, 'rediger_reponse', jurist, { reponse: 'Un an, renouvelable.' })
        .dossier,
      'valider_reponse',
      headOfLegal,
    ).dossier;
    const second = apply(
      definition,
      again,
      { transition: 'relancer' },
      { questionSuivi: 'Et la redevance ?' },
      asker,
      NOW,
    );
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'GUARD_FAILED',
        failures: [
          {
            message:
              'Une note ne peut être relancée qu’une fois : ouvrez une nouvelle note pour une autre question.',
          },
        ],
      },
    });
    expect(dueTimers(definition, again)).toEqual([
      { transition: 'cloturer_automatiquement', at: '2026-05-19T08:30:00.000Z' },
    ]);
  });

  it('lets only the asker close or follow up', () => {
    const result = apply(
      definition,
      answered(),
      { transition: 'cloturer' },
      undefined,
      jurist,
      NOW,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', reason: 'owner' } });
  });
});
