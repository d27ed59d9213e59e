import { describe, expect, it } from 'vitest';
import { grantDefinition as definition } from '../testing/grantDefinition.ts';
import { allowedActions } from './allowedActions.ts';
import { apply } from './apply.ts';
import { dueTimers } from './dueTimers.ts';
import { stateTimers } from './stateTimers.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import { agent, dossierIn, NOW } from './testing/fixtures.ts';
import type { DossierSnapshot } from './types.ts';

const data = { association: 'Les Amis du Parc', contact: 'bureau@amis.fr', montantDemande: 1200 };

function grant(state: string, overrides: Partial<DossierSnapshot> = {}): DossierSnapshot {
  return dossierIn(state, { reference: 'SUB-2026-000001', data, ...overrides });
}

function fire(dossier: DossierSnapshot, transition: string, input?: Record<string, unknown>) {
  return apply(definition, dossier, { transition }, input, agent, NOW);
}

describe('a transition that writes into the dossier', () => {
  it('copies the input into the data, with before/after in the event', () => {
    const before = grant('instruction');
    const result = fire(before, 'donner_avis', { avis: 'Favorable' });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier.data).toEqual({ ...data, avis: 'Favorable' });
    expect(result.value.events[0]?.changes['data.avis']).toEqual({
      before: null,
      after: 'Favorable',
    });
    expect(before.data).toEqual(data);
  });
});

describe('a transition’s rules, comparing the input with the data', () => {
  it('refuses more than the amount requested, in the admin’s words, beside the input field', () => {
    const given = fire(grant('instruction'), 'donner_avis', { avis: 'Favorable' });
    if (!given.ok) throw new Error(given.error.code);
    expect(fire(given.value.dossier, 'accorder', { montant: 1500 })).toEqual({
      ok: false,
      error: {
        code: 'GUARD_FAILED',
        transition: 'accorder',
        failures: [
          {
            field: '/montant',
            rule: 'transitionRule',
            message: 'Le montant accordé ne peut pas dépasser le montant demandé.',
          },
        ],
      },
    });
    const exact = fire(given.value.dossier, 'accorder', { montant: 1200 });
    expect(exact.ok).toBe(true);
  });

  it('does not judge the input before it is typed: the action is offered', () => {
    const given = fire(grant('instruction'), 'donner_avis', { avis: 'Favorable' });
    if (!given.ok) throw new Error(given.error.code);
    const accorder = allowedActions(definition, given.value.dossier, agent).find(
      (action) => action.transition === 'accorder',
    );
    expect(accorder).toEqual({ transition: 'accorder', label: 'Accorder', to: 'accorde' });
  });
});

describe('a guard over the context, with the admin’s message', () => {
  it('refuses a decision before any opinion, in the admin’s words, keyed by field', () => {
    const result = fire(grant('instruction'), 'accorder', { montant: 800 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'GUARD_FAILED',
        transition: 'accorder',
        failures: [
          {
            field: '/avis',
            rule: 'required',
            message: 'Un avis du service instructeur doit avoir été donné avant d’accorder.',
          },
        ],
      },
    });
  });

  it('lets it through once an earlier transition wrote the opinion', () => {
    const given = fire(grant('instruction'), 'donner_avis', { avis: 'Favorable' });
    if (!given.ok) throw new Error(given.error.code);
    const result = fire(given.value.dossier, 'accorder', { montant: 800 });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier.data['montantAccorde']).toBe(800);
  });

  it('lists the blocked action with the message, leaving the input out', () => {
    const accorder = allowedActions(definition, grant('instruction'), agent).find(
      (a) => a.transition === 'accorder',
    );
    expect(accorder?.blockedBy?.map((f) => f.field)).toEqual(['/avis']);
  });

  it('sees the input and the dossier facts', () => {
    const onContext = {
      ...definition,
      workflow: {
        ...definition.workflow,
        transitions: definition.workflow.transitions.map((t) =>
          t.id === 'accorder'
            ? {
                ...t,
                guard: {
                  properties: {
                    input: { properties: { montant: { maximum: 1000 } } },
                    dossier: { properties: { state: { const: 'examen' } } },
                  },
                },
              }
            : t,
        ),
      },
    };
    const act = (state: string, montant: number) =>
      apply(onContext, grant(state), { transition: 'accorder' }, { montant }, agent, NOW);
    expect(act('examen', 900).ok).toBe(true);
    expect(act('examen', 5000)).toMatchObject({
      ok: false,
      error: { failures: [{ field: '/montant' }] },
    });
    expect(act('instruction', 900)).toMatchObject({
      ok: false,
      error: { failures: [{ field: '/dossier/state' }] },
    });
  });
});

describe('routing from the input', () => {
  it('assigns the unit the agent typed and clears the assignee', () => {
    const dossier = grant('examen', { assigneeId: agent.id });
    const result = fire(dossier, 'transmettre', { service: 'mairie' });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier).toMatchObject({ unit: 'mairie', assigneeId: null });
    expect(result.value.events[0]?.changes['unit']).toEqual({ before: 'ccas', after: 'mairie' });
  });

  it('tells the unit it leaves and the unit it joins, in the order the effects are listed', () => {
    const told = structuredClone(definition);
    const transmettre = told.workflow.transitions.find((t) => t.id === 'transmettre')!;
    transmettre.effects = [
      { type: 'notify', template: 'depart', to: { kind: 'unit' } },
      { type: 'assign', unitFromInput: 'service', agent: 'none' },
      { type: 'notify', template: 'arrivee', to: { kind: 'unit' } },
      { type: 'webhook', url: 'https://sig.example.fr/transferts' },
    ];
    const result = apply(
      told,
      grant('examen'),
      { transition: 'transmettre' },
      { service: 'mairie' },
      agent,
      NOW,
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier.unit).toBe('mairie');
    // Only the mail decided before the move carries the unit it goes to.
    expect(result.value.effects.map((pending) => pending.unit)).toEqual([
      'ccas',
      undefined,
      undefined,
    ]);
  });
});

describe('a timer counted from a milestone', () => {
  const complet = fire(grant('depose'), 'declarer_complet');
  if (!complet.ok) throw new Error(complet.error.code);
  const recorded = complet.value.dossier;

  it('records the milestone on the snapshot and in the event', () => {
    expect(recorded.milestones).toEqual({ complet: NOW.toISOString() });
    expect(complet.value.events[0]?.milestone).toBe('complet');
  });

  it('is due two months after the milestone, whatever state the dossier entered since', () => {
    const later = { ...recorded, state: 'examen', enteredStateAt: '2026-03-15T09:00:00.000Z' };
    expect(dueTimers(definition, later)).toEqual([
      { transition: 'silence_vaut_accord', at: '2026-03-31T10:00:00.000Z' },
    ]);
  });

  it('waits while the milestone is not reached', () => {
    expect(dueTimers(definition, grant('depose'))).toEqual([]);
  });

  it('is listed for every active state, with the milestone it counts from', () => {
    const timers = stateTimers(definition).map((t) => [t.state, t.since]);
    expect(timers).toEqual([
      ['depose', 'complet'],
      ['instruction', 'complet'],
      ['examen', 'complet'],
    ]);
  });

  it('fires as the system into the final state', () => {
    const later = { ...recorded, state: 'examen' };
    const fired = apply(
      definition,
      later,
      { transition: 'silence_vaut_accord' },
      undefined,
      SYSTEM_ACTOR,
      NOW,
    );
    expect(fired.ok && fired.value.dossier.state).toBe('accord_tacite');
  });
});

describe('a due date counted from a milestone (slaSince)', () => {
  // The legal two months run from « dossier complet », through instruction and examen.
  const legal = {
    ...definition,
    workflow: {
      ...definition.workflow,
      states: definition.workflow.states.map((s) =>
        s.id === 'instruction' || s.id === 'examen' ? { ...s, sla: 'P2M', slaSince: 'complet' } : s,
      ),
    },
  };
  const at = (iso: string) => new Date(iso);

  it('sets the due date from the milestone the same transition records', () => {
    const result = apply(
      legal,
      grant('depose'),
      { transition: 'declarer_complet' },
      {},
      agent,
      at('2026-02-10T09:00:00.000Z'),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier).toMatchObject({
      milestones: { complet: '2026-02-10T09:00:00.000Z' },
      dueAt: '2026-04-10T09:00:00.000Z',
    });
  });

  it('keeps that due date in the next state instead of restarting it', () => {
    const complete = grant('examen', { milestones: { complet: '2026-02-10T09:00:00.000Z' } });
    const result = apply(
      legal,
      complete,
      { transition: 'transmettre' },
      { service: 'mairie' },
      agent,
      at('2026-03-20T15:00:00.000Z'),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier).toMatchObject({
      state: 'instruction',
      dueAt: '2026-04-10T09:00:00.000Z',
    });
  });

  it('counts from the entry while the milestone is not recorded', () => {
    const result = apply(
      legal,
      grant('instruction'),
      { transition: 'transmettre' },
      { service: 'mairie' },
      agent,
      at('2026-03-20T15:00:00.000Z'),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.dossier.dueAt).toBe('2026-05-20T15:00:00.000Z');
  });
});
