import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { type Caller, type Callers, SIGNED_IN, signInCallers } from './testing/callers.ts';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { dataFingerprint } from './testing/fingerprint.ts';
import { buildSampleWorld, type SampleWorld } from './testing/sampleWorld.ts';

let server: DossierServer;
let tenant: SeededTenant;
let callers: Callers;
let world: SampleWorld;
/** One dossier of the citizen in each non-final state, routed to `ccas`. */
let inState: Record<string, { id: string; revision: number }>;

const act = { path: 'dossiers.act', type: 'mutation' } as const;
const workflow = socialAidDefinition.workflow;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  callers = await signInCallers(server, tenant);
  world = await buildSampleWorld(tenant, callers);
  const toComplete = await buildSampleWorld(tenant, callers);
  const asked = await callers.agent.trpc.dossiers.act.mutate({
    ...toComplete.instructing,
    transition: 'demander_complement',
    input: { message: 'Votre avis d’imposition, s’il vous plaît.' },
  });
  inState = {
    brouillon: world.draft,
    depose: world.submitted,
    en_instruction: world.instructing,
    complement: { id: toComplete.instructing.id, revision: asked.revision },
  };
});
afterAll(() => server.close());

/** The workflow roles each seeded caller holds on the citizen's dossier. */
const ROLES_OF: Record<Exclude<Caller, 'anonymous'>, readonly Role[]> = {
  admin: ['admin'],
  agent: ['agent'],
  supervisor: ['supervisor'],
  agentMairie: ['agent'],
  citizen: ['applicant'],
  otherCitizen: [],
};

/** Whether the caller may see the dossier at all (`dossierAccess.readerOf`'s rule). */
function sees(caller: Exclude<Caller, 'anonymous'>, state: string): boolean {
  if (caller === 'citizen') return true;
  const draft = workflow.states.find((s) => s.id === state)?.kind === 'draft';
  return !draft && ['admin', 'agent', 'supervisor'].includes(caller);
}

/** A valid input for transitions that take one, so only the permission can refuse them. */
const INPUTS: Record<string, Record<string, unknown>> = {
  demander_complement: { message: 'Merci de joindre votre avis d’imposition.' },
  refuser: { motif: 'Revenus supérieurs au plafond applicable.' },
};

describe('who may fire which transition (docs/SECURITY.md §9)', () => {
  it('refuses every transition to every caller its `by` excludes, in every state it leaves', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const transition of workflow.transitions) {
      const from = transition.from === '*' ? Object.keys(inState) : transition.from;
      for (const state of from) {
        const dossier = inState[state];
        if (dossier === undefined) continue;
        const before = await dataFingerprint(server.database);
        for (const caller of SIGNED_IN) {
          const allowed = ROLES_OF[caller].some((role) => transition.by.includes(role));
          const expected = !sees(caller, state) ? 'NOT_FOUND' : allowed ? null : 'FORBIDDEN';
          if (expected === null) continue;
          refusals += 1;
          const input = { ...dossier, transition: transition.id };
          const extra = INPUTS[transition.id];
          const outcome = await callProcedure(
            callers[caller],
            act,
            extra === undefined ? input : { ...input, input: extra },
          );
          if (outcome.ok || outcome.code !== expected) {
            wrong.push(
              `${transition.id} from ${state} as ${caller}: expected ${expected}, got ${shown(outcome)}`,
            );
          }
        }
        const after = await dataFingerprint(server.database);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          wrong.push(`${transition.id} from ${state}: data written by a refused call`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(workflow.transitions.length);
  });

  it('lets exactly one of two agents acting at once win; the other is told why, in French', async () => {
    const fresh = await buildSampleWorld(tenant, callers);
    const { id, revision } = fresh.instructing;
    const [refusal, acceptance] = await Promise.all([
      callProcedure(callers.agent, act, {
        id,
        revision,
        transition: 'refuser',
        input: INPUTS['refuser'],
      }),
      callProcedure(callers.supervisor, act, { id, revision, transition: 'accepter' }),
    ]);
    const outcomes = [refusal, acceptance];
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const lost = outcomes.find((outcome) => !outcome.ok);
    expect(lost).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    expect(lost?.ok === false && lost.message).toMatch(/dossier a été modifié/);
    const view = await callers.admin.trpc.dossiers.get.query({ id });
    expect(view.revision).toBe(revision + 1);
    const history = await callers.admin.trpc.dossiers.history.query({ id });
    expect(history.filter((entry) => entry.type === 'transition')).toHaveLength(3);
  });

  it('lets exactly one of many simultaneous takers win', async () => {
    const fresh = await buildSampleWorld(tenant, callers);
    const input = { ...fresh.submitted, transition: 'prendre_en_charge' };
    const takers = [callers.agent, callers.supervisor, callers.agent, callers.supervisor];
    const outcomes = await Promise.all(takers.map((client) => callProcedure(client, act, input)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.ok)) {
      expect(outcome).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    }
  });
});
