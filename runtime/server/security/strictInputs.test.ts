import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { type Callers, signInCallers } from './testing/callers.ts';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { dataFingerprint } from './testing/fingerprint.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';
import { buildSampleWorld, type SampleWorld } from './testing/sampleWorld.ts';

let server: DossierServer;
let tenant: SeededTenant;
let callers: Callers;
let world: SampleWorld;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  callers = await signInCallers(server, tenant);
  world = await buildSampleWorld(tenant, callers);
});
afterAll(() => server.close());

const catalog = sampledCatalog();

/** Keys a client might slip in to change what it may not (SECURITY §10). */
function smuggled(): Record<string, string> {
  return { state: 'accepte', tenantId: randomUUID(), assigneeId: tenant.accounts.agent.id };
}

/**
 * Whether the refusal is about the smuggled keys and nothing else: the error formatter
 * files an unexpected key under the object itself (`''`), a wrong value under its
 * field. Any other field error means the sample itself is invalid, and the refusal
 * would prove nothing about strictness.
 */
function onlyUnrecognizedKeys(fieldErrors: Record<string, string[]> | null): boolean {
  if (fieldErrors === null || Object.keys(fieldErrors).join() !== '') return false;
  const said = (fieldErrors[''] ?? []).join(' ');
  return ['state', 'tenantId', 'assigneeId'].every((key) => said.includes(`"${key}"`));
}

describe('strict inputs over the whole router (SECURITY §10)', () => {
  it('refuses state, tenantId and assigneeId beside a valid input, and writes nothing', async () => {
    const withInput = catalog.filter((entry) => entry.hasInput);
    expect(withInput.some((entry) => entry.type === 'mutation')).toBe(true);
    const wrong: string[] = [];
    for (const entry of withInput) {
      const input = { ...(entry.sample.input?.(world) as object), ...smuggled() };
      const before = await dataFingerprint(server.database);
      const outcome = await callProcedure(callers[entry.sample.actor], entry, input);
      const after = await dataFingerprint(server.database);
      if (outcome.ok || outcome.code !== 'BAD_REQUEST') {
        wrong.push(`${entry.path}: ${outcome.ok ? 'accepted' : outcome.code}`);
        continue;
      }
      if (outcome.domainCode !== 'INVALID_INPUT' || !onlyUnrecognizedKeys(outcome.fieldErrors)) {
        wrong.push(`${entry.path}: ${JSON.stringify(outcome)}`);
      }
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${entry.path}: written`);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves only procedures that read no input at all without a schema', () => {
    const withoutInput = catalog.filter((entry) => !entry.hasInput).map((entry) => entry.path);
    // Each of these ignores its input entirely: nothing a client sends can be written.
    expect(withoutInput).toEqual(['auth.logout', 'auth.me', 'demarches.list', 'dossiers.mine']);
  });

  // Regression: a transition with an input schema (`refuser`) used to take extra keys in
  // `input` and write them to the event log and the effect jobs, its schema not being
  // closed (fixed in the engine, commit a179ee6). Form data is closed by draftValidator.
  it('refuses them inside the JSON payloads too: form data and an action’s input', async () => {
    const payloads: Array<{ name: string; path: string; who: 'citizen' | 'agent'; input: object }> =
      [
        {
          name: 'saveDraft data',
          path: 'dossiers.saveDraft',
          who: 'citizen',
          input: { ...world.draft, data: { ...VALID_SOCIAL_AID, ...smuggled() } },
        },
        {
          name: 'act input, transition with an input schema (refuser)',
          path: 'dossiers.act',
          who: 'agent',
          input: {
            ...world.instructing,
            transition: 'refuser',
            input: { motif: 'Revenus supérieurs au plafond.', ...smuggled() },
          },
        },
        {
          name: 'act input, transition without one (prendre_en_charge)',
          path: 'dossiers.act',
          who: 'agent',
          input: { ...world.submitted, transition: 'prendre_en_charge', input: smuggled() },
        },
      ];
    const wrong: string[] = [];
    for (const { name, path, who, input } of payloads) {
      const before = await dataFingerprint(server.database);
      const outcome = await callProcedure(callers[who], { path, type: 'mutation' }, input);
      if (outcome.ok || outcome.code !== 'BAD_REQUEST') wrong.push(`${name}: ${shown(outcome)}`);
      const after = await dataFingerprint(server.database);
      const written = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (written.length > 0) wrong.push(`${name}: written to ${written.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
