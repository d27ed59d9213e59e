import { describe, expect, it } from 'vitest';
import { socialAidDefinition as definition } from '../testing/socialAidDefinition.ts';
import { allowedActions } from './allowedActions.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import {
  agent,
  agentElsewhere,
  applicant,
  dossierIn,
  otherCitizen,
  supervisor,
  validData,
} from './testing/fixtures.ts';

const ids = (actions: ReturnType<typeof allowedActions>) => actions.map((a) => a.transition);

describe('allowedActions', () => {
  it('offers the global withdrawal from every active state', () => {
    for (const state of ['depose', 'en_instruction', 'complement']) {
      expect(ids(allowedActions(definition, dossierIn(state), applicant))).toContain('retirer');
    }
  });

  it('offers no global transition from a draft, and nothing from a final state', () => {
    expect(ids(allowedActions(definition, dossierIn('brouillon'), applicant))).toEqual(['deposer']);
    for (const state of ['accepte', 'refuse', 'retire']) {
      expect(allowedActions(definition, dossierIn(state), applicant)).toEqual([]);
    }
  });

  it('lists what an agent may do, in definition order, with labels and targets', () => {
    expect(allowedActions(definition, dossierIn('en_instruction'), agent)).toEqual([
      { transition: 'demander_complement', label: 'Demander un complément', to: 'complement' },
      { transition: 'accepter', label: 'Accepter', to: 'accepte' },
      { transition: 'refuser', label: 'Refuser', to: 'refuse' },
    ]);
  });

  it('never lists timer-only transitions for people, but does for the system', () => {
    for (const actor of [applicant, agent, supervisor]) {
      expect(ids(allowedActions(definition, dossierIn('complement'), actor))).not.toContain(
        'expirer',
      );
    }
    expect(ids(allowedActions(definition, dossierIn('complement'), SYSTEM_ACTOR))).toEqual([
      'expirer',
    ]);
  });

  it('keeps guard-blocked actions, saying why', () => {
    const dossier = dossierIn('en_instruction', { data: { ...validData, revenuMensuel: 1800 } });
    const accepter = allowedActions(definition, dossier, agent).find(
      (a) => a.transition === 'accepter',
    );
    expect(accepter?.blockedBy).toEqual([
      {
        field: '/revenuMensuel',
        rule: 'maximum',
        message: 'La valeur doit être inférieure ou égale à 1\u202f500.',
      },
    ]);
  });

  it('explains a deposit blocked by the form', () => {
    const dossier = dossierIn('brouillon', { data: { ...validData, email: undefined } });
    const [deposer] = allowedActions(definition, dossier, applicant);
    expect(deposer?.blockedBy).toEqual([
      { field: '/email', rule: 'required', message: 'Ce champ est obligatoire.' },
    ]);
  });

  it('hides actions from other citizens and from staff of other units', () => {
    expect(allowedActions(definition, dossierIn('complement'), otherCitizen)).toEqual([]);
    expect(allowedActions(definition, dossierIn('depose'), agentElsewhere)).toEqual([]);
    expect(
      ids(allowedActions(definition, dossierIn('depose', { unit: null }), agentElsewhere)),
    ).toEqual(['prendre_en_charge']);
  });
});
