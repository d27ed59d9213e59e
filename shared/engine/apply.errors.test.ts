import { describe, expect, it } from 'vitest';
import { socialAidDefinition as definition } from '../testing/socialAidDefinition.ts';
import { apply } from './apply.ts';
import { SYSTEM_ACTOR } from './systemActor.ts';
import {
  admin,
  agent,
  agentElsewhere,
  applicant,
  dossierIn,
  NOW,
  otherCitizen,
  supervisor,
  validData,
} from './testing/fixtures.ts';
import type { Actor, DossierSnapshot, EngineError } from './types.ts';

function errorOf(
  dossier: DossierSnapshot,
  transition: string,
  actor: Actor,
  input?: Record<string, unknown>,
  revision?: number,
): EngineError {
  const action = revision === undefined ? { transition } : { transition, revision };
  const result = apply(definition, dossier, action, input, actor, NOW);
  if (result.ok) throw new Error(`${transition} unexpectedly succeeded`);
  return result.error;
}

describe('apply refuses', () => {
  it('a stale revision before anything else', () => {
    expect(errorOf(dossierIn('en_instruction'), 'envoler', agent, undefined, 3)).toEqual({
      code: 'STALE_REVISION',
      expected: 3,
      actual: 4,
    });
  });

  it('an unknown transition', () => {
    expect(errorOf(dossierIn('en_instruction'), 'envoler', agent)).toEqual({
      code: 'UNKNOWN_TRANSITION',
      transition: 'envoler',
    });
  });

  it('any transition from a final state, global ones included', () => {
    expect(errorOf(dossierIn('accepte'), 'retirer', applicant)).toEqual({
      code: 'FINAL_STATE',
      state: 'accepte',
    });
  });

  it('a transition that does not leave the current state', () => {
    expect(errorOf(dossierIn('depose'), 'accepter', agent)).toEqual({
      code: 'NOT_FROM_STATE',
      transition: 'accepter',
      state: 'depose',
    });
  });

  it('a global transition from a draft, and any transition from an undeclared state', () => {
    expect(errorOf(dossierIn('brouillon'), 'retirer', applicant)).toMatchObject({
      code: 'NOT_FROM_STATE',
    });
    expect(errorOf(dossierIn('disparu'), 'retirer', applicant)).toMatchObject({
      code: 'NOT_FROM_STATE',
    });
  });

  it('an actor without a role named in `by`', () => {
    const notAllowed = { code: 'NOT_ALLOWED', transition: 'accepter', reason: 'role' };
    expect(errorOf(dossierIn('en_instruction'), 'accepter', applicant)).toEqual(notAllowed);
    expect(errorOf(dossierIn('en_instruction'), 'accepter', admin)).toEqual(notAllowed);
  });

  it('staff whose units do not cover the dossier', () => {
    expect(errorOf(dossierIn('depose'), 'prendre_en_charge', agentElsewhere)).toEqual({
      code: 'NOT_ALLOWED',
      transition: 'prendre_en_charge',
      reason: 'unit',
    });
  });

  it('an applicant action by anyone but the dossier’s applicant', () => {
    const owner = { code: 'NOT_ALLOWED', transition: 'retirer', reason: 'owner' };
    expect(errorOf(dossierIn('depose'), 'retirer', otherCitizen)).toEqual(owner);
    expect(errorOf(dossierIn('depose'), 'retirer', agent)).toEqual(owner);
  });

  it('a timer transition fired by a person, or by an impostor of the system', () => {
    const impostor: Actor = { id: 'agent-lea', roles: ['system'], units: ['ccas'] };
    for (const actor of [agent, supervisor, admin, applicant, impostor]) {
      expect(errorOf(dossierIn('complement'), 'expirer', actor)).toMatchObject({
        code: 'NOT_ALLOWED',
        reason: 'role',
      });
    }
  });

  it('the system actor on a human transition', () => {
    expect(errorOf(dossierIn('en_instruction'), 'accepter', SYSTEM_ACTOR)).toMatchObject({
      code: 'NOT_ALLOWED',
      reason: 'role',
    });
  });

  it('permission before input', () => {
    expect(errorOf(dossierIn('en_instruction'), 'refuser', applicant, { motif: '' })).toMatchObject(
      { code: 'NOT_ALLOWED' },
    );
  });

  it('an input that fails the transition’s input schema, absent input counting as {}', () => {
    expect(errorOf(dossierIn('en_instruction'), 'refuser', agent, { motif: 'trop' })).toEqual({
      code: 'INVALID_INPUT',
      transition: 'refuser',
      errors: { motif: ['Ce champ doit contenir au moins 10 caractères.'] },
    });
    expect(errorOf(dossierIn('en_instruction'), 'refuser', agent)).toEqual({
      code: 'INVALID_INPUT',
      transition: 'refuser',
      errors: { motif: ['Ce champ est obligatoire.'] },
    });
  });

  it('an input key the transition’s input schema does not declare (docs/SECURITY.md §10)', () => {
    const input = { motif: 'Revenus supérieurs au plafond', state: 'accepte' };
    expect(errorOf(dossierIn('en_instruction'), 'refuser', agent, input)).toEqual({
      code: 'INVALID_INPUT',
      transition: 'refuser',
      errors: { state: ['Ce champ n’est pas attendu.'] },
    });
  });

  it('a non-empty input for a transition that takes none', () => {
    expect(errorOf(dossierIn('depose'), 'prendre_en_charge', agent, { note: 'x' })).toEqual({
      code: 'INVALID_INPUT',
      transition: 'prendre_en_charge',
      errors: { note: ['Ce champ n’est pas attendu.'] },
    });
  });

  it('regression: an unexpected input field named __proto__ lost its message', () => {
    const input = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
    const error = errorOf(dossierIn('depose'), 'prendre_en_charge', agent, input);
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      transition: 'prendre_en_charge',
      errors: JSON.parse('{"__proto__": ["Ce champ n’est pas attendu."]}'),
    });
    if (error.code !== 'INVALID_INPUT') return;
    expect(Object.getPrototypeOf(error.errors)).toBe(Object.prototype);
    expect(Object.keys(error.errors)).toEqual(['__proto__']);
  });

  it('invalid form data when the transition validates the form', () => {
    const data = { nom: 'Dupont', prenom: '', email: 'pas-un-courriel', situation: 'couple' };
    expect(errorOf(dossierIn('brouillon', { data }), 'deposer', applicant)).toEqual({
      code: 'INVALID_DATA',
      transition: 'deposer',
      errors: {
        prenom: ['Ce champ ne doit pas être vide.'],
        email: ['L’adresse électronique n’est pas valide.'],
        revenuMensuel: ['Ce champ est obligatoire.'],
        conjoint: ['Ce champ est obligatoire.'],
      },
    });
  });

  it('input before form data', () => {
    const dossier = dossierIn('complement', { data: {} });
    expect(errorOf(dossier, 'completer', applicant, { x: 1 })).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('data that fails the guard, with a failure per field', () => {
    const dossier = dossierIn('en_instruction', { data: { ...validData, revenuMensuel: 2000 } });
    expect(errorOf(dossier, 'accepter', agent)).toEqual({
      code: 'GUARD_FAILED',
      transition: 'accepter',
      failures: [
        {
          field: '/revenuMensuel',
          rule: 'maximum',
          message: 'La valeur doit être inférieure ou égale à 1\u202f500.',
        },
      ],
    });
    const missing = dossierIn('en_instruction', { data: { nom: 'Dupont' } });
    expect(errorOf(missing, 'accepter', agent)).toMatchObject({
      failures: [{ field: '/revenuMensuel', rule: 'required' }],
    });
  });
});
