import { describe, expect, it } from 'vitest';
import type { DemarcheDefinition, Effect } from '../definition/types.ts';
import { socialAidDefinition as definition } from '../testing/socialAidDefinition.ts';
import { apply } from './apply.ts';
import { compileDefinition } from './compileDefinition.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import { agent, applicant, dossierIn, NOW, supervisor, validData } from './testing/fixtures.ts';
import type { Actor, ApplyOutcome, DossierSnapshot } from './types.ts';

function outcome(
  dossier: DossierSnapshot,
  transition: string,
  actor: Actor,
  input?: Record<string, unknown>,
  def: DemarcheDefinition = definition,
): ApplyOutcome {
  const result = apply(def, dossier, { transition, revision: dossier.revision }, input, actor, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The sample definition with `prendre_en_charge` carrying other effects. */
function withEffects(effects: Effect[]): DemarcheDefinition {
  const transitions = definition.workflow.transitions.map((t) =>
    t.id === 'prendre_en_charge' ? { ...t, effects } : t,
  );
  return { ...definition, workflow: { ...definition.workflow, transitions } };
}

describe('apply on success', () => {
  it('builds the next snapshot, one event, and the runtime effects', () => {
    const dossier = dossierIn('brouillon', { unit: null });
    const { dossier: next, events, effects } = outcome(dossier, 'deposer', applicant);
    expect(next).toEqual({
      ...dossier,
      state: 'depose',
      revision: 5,
      unit: 'ccas',
      enteredStateAt: '2026-01-31T10:00:00.000Z',
      dueAt: '2026-02-05T10:00:00.000Z',
    });
    expect(events).toEqual([
      {
        type: 'transition',
        transition: 'deposer',
        from: 'brouillon',
        to: 'depose',
        actorId: applicant.id,
        at: '2026-01-31T10:00:00.000Z',
        input: {},
        changes: {
          unit: { before: null, after: 'ccas' },
          dueAt: { before: null, after: '2026-02-05T10:00:00.000Z' },
        },
      },
    ]);
    expect(effects).toEqual([
      {
        effect: { type: 'notify', template: 'accuse-reception', to: { kind: 'applicant' } },
        transition: 'deposer',
        dossierId: 'dossier-1',
      },
    ]);
  });

  it('routes through the first matching rule', () => {
    const data = { ...validData, situation: 'couple', conjoint: 'Jean Dupont' };
    const next = outcome(dossierIn('brouillon', { unit: null, data }), 'deposer', applicant);
    expect(next.dossier.unit).toBe('ccas-familles');
  });

  it('sets the due date from the target state’s SLA, by the calendar (P1M from 31 January)', () => {
    const next = outcome(dossierIn('depose'), 'prendre_en_charge', agent).dossier;
    expect(next.dueAt).toBe('2026-02-28T10:00:00.000Z');
  });

  it('clears the due date when the target state has no SLA', () => {
    const dossier = dossierIn('en_instruction', { dueAt: '2026-02-28T10:00:00.000Z' });
    const { dossier: next, events } = outcome(dossier, 'accepter', agent);
    expect(next.dueAt).toBeNull();
    expect(events[0]?.changes['dueAt']).toEqual({
      before: '2026-02-28T10:00:00.000Z',
      after: null,
    });
  });

  it('assigns the acting agent', () => {
    const { dossier: next, events } = outcome(dossierIn('depose'), 'prendre_en_charge', supervisor);
    expect(next.assigneeId).toBe(supervisor.id);
    expect(events[0]?.changes['assigneeId']).toEqual({ before: null, after: supervisor.id });
  });

  it('assigns to a unit and clears the assignee', () => {
    const def = withEffects([{ type: 'assign', unit: 'ccas-familles', agent: 'none' }]);
    const dossier = dossierIn('depose', { assigneeId: 'agent-old' });
    const { dossier: next, events } = outcome(dossier, 'prendre_en_charge', agent, undefined, def);
    expect(next).toMatchObject({ unit: 'ccas-familles', assigneeId: null });
    expect(events[0]?.changes).toMatchObject({
      unit: { before: 'ccas', after: 'ccas-familles' },
      assigneeId: { before: 'agent-old', after: null },
    });
  });

  it('sets a due date (PT48H, overriding the SLA) and a priority', () => {
    const def = withEffects([
      { type: 'setDueDate', in: 'PT48H' },
      { type: 'setPriority', priority: 'urgent' },
    ]);
    const { dossier: next, events } = outcome(
      dossierIn('depose'),
      'prendre_en_charge',
      agent,
      undefined,
      def,
    );
    expect(next).toMatchObject({ dueAt: '2026-02-02T10:00:00.000Z', priority: 'urgent' });
    expect(events[0]?.changes).toEqual({
      dueAt: { before: null, after: '2026-02-02T10:00:00.000Z' },
      priority: { before: 'normal', after: 'urgent' },
    });
  });

  it('keeps the unit when re-routing matches no rule', () => {
    const def = withEffects([{ type: 'route' }]);
    const noDefault = { ...def, routing: def.routing.filter((rule) => rule.when !== undefined) };
    const next = outcome(dossierIn('depose'), 'prendre_en_charge', agent, undefined, noDefault);
    expect(next.dossier.unit).toBe('ccas');
    expect(next.events[0]?.changes['unit']).toBeUndefined();
  });

  it('returns letter, notify and webhook effects in definition order', () => {
    const { effects } = outcome(dossierIn('en_instruction'), 'accepter', agent);
    expect(effects.map((e) => e.effect.type)).toEqual(['letter', 'notify', 'webhook']);
    expect(effects[2]?.effect).toEqual({
      type: 'webhook',
      url: 'https://93.184.215.14/hooks/aides',
      event: 'aide.accordee',
    });
  });

  it('records the validated input in the event', () => {
    const input = { motif: 'Revenus supérieurs au plafond' };
    const { events, dossier: next } = outcome(dossierIn('en_instruction'), 'refuser', agent, input);
    expect(next.state).toBe('refuse');
    expect(events[0]?.input).toEqual(input);
  });

  it('lets the system actor fire a timer transition', () => {
    const { dossier: next, effects } = outcome(dossierIn('complement'), 'expirer', SYSTEM_ACTOR);
    expect(next.state).toBe('refuse');
    expect(effects.map((e) => e.effect)).toEqual([{ type: 'letter', template: 'refus' }]);
  });

  it('lets staff act on a dossier no unit owns yet, and the applicant withdraw', () => {
    const elsewhere: Actor = { id: 'agent-x', roles: ['agent'], units: ['mairie'] };
    expect(
      outcome(dossierIn('depose', { unit: null }), 'prendre_en_charge', elsewhere).dossier.state,
    ).toBe('en_instruction');
    expect(outcome(dossierIn('complement'), 'retirer', applicant).dossier.state).toBe('retire');
  });

  it('accepts an action without a revision', () => {
    const result = apply(
      definition,
      dossierIn('depose'),
      { transition: 'retirer' },
      undefined,
      applicant,
      NOW,
    );
    expect(result.ok).toBe(true);
  });

  it('mutates neither the definition, the dossier nor the input', () => {
    const def = deepFreeze(structuredClone(definition));
    const dossier = deepFreeze(dossierIn('brouillon', { unit: null }));
    const input = deepFreeze({});
    const result = apply(def, dossier, { transition: 'deposer' }, input, applicant, NOW);
    expect(result.ok).toBe(true);
    expect(dossier.state).toBe('brouillon');
  });

  it('compiles a definition once and reuses it', () => {
    expect(compileDefinition(definition)).toBe(compileDefinition(definition));
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
