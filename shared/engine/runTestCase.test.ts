import { describe, expect, it } from 'vitest';
import type { TestCase } from '../definition/types.ts';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { runTestCase } from './runTestCase.ts';
import { validData } from './testing/fixtures.ts';

const STARTED = new Date('2026-03-02T09:00:00.000Z');

function testCase(steps: TestCase['steps'], data = validData): TestCase {
  return { id: 'cas', name: 'Un cas', data, steps };
}

describe('runTestCase', () => {
  it('passes a run whose every step reaches its state with its effects', () => {
    const outcome = runTestCase(
      socialAidDefinition,
      testCase([
        {
          transition: 'deposer',
          actor: 'applicant',
          expect: { state: 'depose', effects: ['notify'] },
        },
        { transition: 'prendre_en_charge', actor: 'agent', expect: { state: 'en_instruction' } },
        {
          transition: 'accepter',
          actor: 'supervisor',
          expect: { state: 'accepte', effects: ['letter', 'notify', 'webhook'] },
        },
      ]),
      STARTED,
    );
    expect(outcome.passed).toBe(true);
    expect(outcome.steps.map((step) => [step.state, step.mismatches])).toEqual([
      ['depose', []],
      ['en_instruction', []],
      ['accepte', []],
    ]);
  });

  it('fails on a state or effects other than expected, saying which', () => {
    const outcome = runTestCase(
      socialAidDefinition,
      testCase([
        {
          transition: 'deposer',
          actor: 'applicant',
          expect: { state: 'en_instruction', effects: [] },
        },
      ]),
      STARTED,
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.steps[0]?.mismatches).toEqual([
      'état attendu « en_instruction », obtenu « depose ».',
      'effets attendus [], obtenus [notify].',
    ]);
  });

  it('stops at a step the engine refuses (here the income guard) and reports why', () => {
    const outcome = runTestCase(
      socialAidDefinition,
      testCase(
        [
          { transition: 'deposer', actor: 'applicant', expect: { state: 'depose' } },
          { transition: 'prendre_en_charge', actor: 'agent', expect: { state: 'en_instruction' } },
          { transition: 'accepter', actor: 'agent', expect: { state: 'accepte' } },
          { transition: 'retirer', actor: 'applicant', expect: { state: 'retire' } },
        ],
        { ...validData, revenuMensuel: 4000 },
      ),
      STARTED,
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.steps).toHaveLength(3);
    expect(outcome.steps[2]).toMatchObject({
      state: 'en_instruction',
      refused: { code: 'GUARD_FAILED' },
      mismatches: ['l’action « accepter » a été refusée (GUARD_FAILED).'],
    });
  });

  it('refuses a submission whose sample data does not fill the form', () => {
    const outcome = runTestCase(
      socialAidDefinition,
      testCase([{ transition: 'deposer', actor: 'applicant', expect: { state: 'depose' } }], {}),
      STARTED,
    );
    expect(outcome.steps[0]?.refused?.code).toBe('INVALID_DATA');
  });

  it('lets a system step stand for a timer, and leaves the test case untouched', () => {
    const steps: TestCase['steps'] = [
      { transition: 'deposer', actor: 'applicant', expect: { state: 'depose' } },
      { transition: 'prendre_en_charge', actor: 'agent', expect: { state: 'en_instruction' } },
      {
        transition: 'demander_complement',
        actor: 'agent',
        input: { message: 'Votre avis d’imposition, svp.' },
        expect: { state: 'complement', effects: ['notify'] },
      },
      { transition: 'expirer', actor: 'system', expect: { state: 'refuse', effects: ['letter'] } },
    ];
    const saved = testCase(steps);
    const before = structuredClone(saved);
    expect(runTestCase(socialAidDefinition, saved, STARTED).passed).toBe(true);
    expect(saved).toEqual(before);
  });
});
