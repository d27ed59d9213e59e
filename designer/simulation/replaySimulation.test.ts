import { describe, expect, it } from 'vitest';
import { runTestCase } from '../../shared/engine/index.ts';
import { NOW, validData } from '../../shared/engine/testing/fixtures.ts';
import { socialAidDefinition } from '../../shared/testing/socialAidDefinition.ts';
import { renderSimulatedMails } from './renderSimulatedMail.ts';
import { replaySimulation, type SimulationStep, toTestCase } from './replaySimulation.ts';

// The studio's simulation plays a draft with the shared engine, stores nothing, and a run
// saved as a test case passes `runTestCase` exactly as played.

const toAccepted: SimulationStep[] = [
  { transition: 'deposer', actor: 'applicant' },
  { transition: 'prendre_en_charge', actor: 'agent' },
  { transition: 'accepter', actor: 'agent' },
];

describe('replaySimulation', () => {
  it('walks a draft as the applicant then an agent to a final state, with its effects', () => {
    const view = replaySimulation(socialAidDefinition, validData, toAccepted, NOW);
    expect(view.refused).toBeNull();
    expect(view.steps.map((step) => step.state)).toEqual(['depose', 'en_instruction', 'accepte']);
    // Routing and assignment change the dossier itself; only what the runtime performs is listed.
    expect(view.steps[0]!.effects).toEqual([{ type: 'notify', template: 'accuse-reception' }]);
    expect(view.steps[2]!.effects.map((effect) => effect.type)).toEqual([
      'letter',
      'notify',
      'webhook',
    ]);
    expect(view.dossier.unit).toBe('ccas');
    expect(view.final).toBe(true);
    expect(view.actions.agent).toEqual([]);
  });

  it('lists what each role may do now, and why the others may not', () => {
    const view = replaySimulation(socialAidDefinition, validData, toAccepted.slice(0, 1), NOW);
    expect(view.actions.applicant.map((action) => action.transition)).toEqual(['retirer']);
    expect(view.actions.agent.map((action) => action.transition)).toEqual(['prendre_en_charge']);
    expect(view.unavailable.applicant).toContainEqual({
      transition: 'prendre_en_charge',
      label: expect.any(String),
      reason: 'Réservée aux agents, aux superviseurs.',
    });
  });

  it('shows a guard blocking an action, and stops at a refused step', () => {
    const rich = { ...validData, revenuMensuel: 2000 };
    const blocked = replaySimulation(socialAidDefinition, rich, toAccepted.slice(0, 2), NOW);
    const accepter = blocked.actions.agent.find((action) => action.transition === 'accepter');
    expect(accepter?.blockedBy?.[0]?.field).toBe('/revenuMensuel');
    const refused = replaySimulation(socialAidDefinition, rich, toAccepted, NOW);
    expect(refused.steps).toHaveLength(2);
    expect(refused.refused?.error.code).toBe('GUARD_FAILED');
    expect(refused.dossier.state).toBe('en_instruction');
  });

  it('makes a test case that runTestCase passes, and that fails once the draft changes', () => {
    const view = replaySimulation(socialAidDefinition, validData, toAccepted, NOW);
    const testCase = toTestCase('cas-accepte', 'Demande acceptée', validData, view);
    expect(testCase.steps[2]).toEqual({
      transition: 'accepter',
      actor: 'agent',
      expect: { state: 'accepte', effects: ['letter', 'notify', 'webhook'] },
    });
    expect(runTestCase(socialAidDefinition, testCase, NOW).passed).toBe(true);
    const stricter = structuredClone(socialAidDefinition);
    const accepter = stricter.workflow.transitions.find((t) => t.id === 'accepter')!;
    accepter.guard = { properties: { revenuMensuel: { type: 'number', maximum: 1000 } } };
    const outcome = runTestCase(stricter, testCase, NOW);
    expect(outcome.passed).toBe(false);
    expect(outcome.steps[2]?.mismatches[0]).toContain('refusée');
  });

  it('renders the mails of a step as text, from the draft’s templates', async () => {
    const view = replaySimulation(socialAidDefinition, validData, toAccepted, NOW);
    expect(await renderSimulatedMails(socialAidDefinition, view.steps[0]!)).toEqual([
      {
        template: 'accuse-reception',
        subject: 'Votre demande SIMULATION a bien été reçue',
        body: 'Bonjour Marie,\n\nNous avons bien reçu votre demande SIMULATION.',
      },
    ]);
    const hostile = structuredClone(socialAidDefinition);
    hostile.notifications[0]!.body = '{% include "/etc/passwd" %}{{ data.constructor }}';
    const [mail] = await renderSimulatedMails(hostile, view.steps[0]!);
    expect(mail).toMatchObject({ template: 'accuse-reception' });
    expect(JSON.stringify(mail)).not.toContain('root:');
    expect(JSON.stringify(mail)).not.toContain('function');
  });
});
