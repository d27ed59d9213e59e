import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { HTTP_ROUTE_SAMPLES } from './httpRouteSamples.ts';
import { CALLERS, type Caller, type Callers, signInCallers } from './testing/callers.ts';
import { callHttp } from './testing/callHttp.ts';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { dataFingerprint } from './testing/fingerprint.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';
import { buildSampleWorld, nowhereLike, type SampleWorld } from './testing/sampleWorld.ts';

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

describe('roles over the whole router (SECURITY §9)', () => {
  it('refuses every caller the registry does not allow, and writes nothing', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const entry of catalog) {
      const refused = CALLERS.filter((caller) => !entry.sample.callers.includes(caller));
      if (refused.length === 0) continue;
      const before = await dataFingerprint(server.database);
      for (const caller of refused) {
        const outcome = await callProcedure(callers[caller], entry, entry.sample.input?.(world));
        const expected = caller === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
        refusals += 1;
        if (outcome.ok || outcome.code !== expected) {
          wrong.push(`${entry.path} as ${caller}: expected ${expected}, got ${shown(outcome)}`);
        }
      }
      const after = await dataFingerprint(server.database);
      if (JSON.stringify(after) !== JSON.stringify(before))
        wrong.push(`${entry.path}: data written`);
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(catalog.length);
  });

  it('answers NOT_FOUND, as for a random id, to callers who may not see the object', async () => {
    const wrong: string[] = [];
    for (const entry of catalog) {
      const { sample } = entry;
      if (sample.references !== 'ids') continue;
      const blind = sample.callers.filter((caller) => !sample.readers?.includes(caller));
      const before = await dataFingerprint(server.database);
      for (const caller of blind) {
        const outcome = await callProcedure(callers[caller], entry, sample.input?.(world));
        const random = await callProcedure(
          callers[caller],
          entry,
          sample.input?.(nowhereLike(world)),
        );
        if (outcome.ok || outcome.code !== 'NOT_FOUND' || shown(outcome) !== shown(random)) {
          wrong.push(`${entry.path} as ${caller}: ${shown(outcome)} (random id: ${shown(random)})`);
        }
      }
      const after = await dataFingerprint(server.database);
      if (JSON.stringify(after) !== JSON.stringify(before))
        wrong.push(`${entry.path}: data written`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets every allowed reader through on queries (the registry is not stricter than the router)', async () => {
    const wrong: string[] = [];
    for (const entry of catalog) {
      if (entry.type !== 'query') continue;
      const { sample } = entry;
      for (const caller of sample.readers ?? sample.callers) {
        const outcome = await callProcedure(callers[caller], entry, sample.input?.(world));
        if (!outcome.ok) wrong.push(`${entry.path} as ${caller}: ${shown(outcome)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('guards the file routes the same way: 401 for nobody, 404 as for a random id for the blind', async () => {
    const wrong: string[] = [];
    for (const [name, route] of Object.entries(HTTP_ROUTE_SAMPLES)) {
      const before = await dataFingerprint(server.database);
      for (const caller of CALLERS) {
        if (route.readers.includes(caller)) continue;
        const outcome = await callHttp(callers[caller], route.request(world));
        const random = await callHttp(callers[caller], route.request(nowhereLike(world)));
        const expected = route.callers.includes(caller) ? 404 : 401;
        const same = expected === 401 || JSON.stringify(outcome) === JSON.stringify(random);
        if (outcome.status !== expected || !same) {
          wrong.push(
            `${name} as ${caller}: ${JSON.stringify(outcome)} (random: ${JSON.stringify(random)})`,
          );
        }
      }
      const after = await dataFingerprint(server.database);
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${name}: data written`);
      const served = await callHttp(callers[route.actor], route.request(world));
      expect(served.status, `${name} for ${route.actor}`).toBeLessThan(300);
    }
    expect(wrong).toEqual([]);
  });

  it('never shows a caller a dossier they may not read, whatever the filters', async () => {
    const { draft, submitted, instructing, messageId, attachmentId } = world;
    const everything = [draft.id, submitted.id, instructing.id, messageId, attachmentId];
    // The sample world's dossiers are all routed to `ccas`; a draft is its applicant's alone.
    const hidden: Record<Caller, string[]> = {
      anonymous: everything,
      otherCitizen: everything,
      agentMairie: everything,
      admin: [draft.id],
      agent: [draft.id],
      supervisor: [draft.id],
      citizen: [],
    };
    // Filters that try to reach past the caller's units and assignments.
    const probes: Record<string, unknown[]> = {
      'queues.list': [
        { unit: 'ccas' },
        { assignee: world.agentId },
        { states: ['brouillon', 'depose', 'en_instruction'] },
        { demarcheId: world.demarche.id, text: 'Martin' },
      ],
      'queues.counts': [{ unit: 'ccas' }, { demarcheId: world.demarche.id }],
    };
    const wrong: string[] = [];
    let seenByAgent = '';
    for (const entry of catalog) {
      if (entry.type !== 'query') continue;
      const inputs = [entry.sample.input?.(world), ...(probes[entry.path] ?? [])];
      for (const caller of CALLERS) {
        for (const input of inputs) {
          const outcome = await callProcedure(callers[caller], entry, input);
          const text = JSON.stringify(outcome);
          if (caller === 'agent') seenByAgent += text;
          const seen = hidden[caller].filter((id) => text.includes(id));
          if (seen.length > 0)
            wrong.push(`${entry.path} ${JSON.stringify(input)} as ${caller}: ${seen}`);
          if (entry.path === 'queues.counts' && hidden[caller] === everything && outcome.ok) {
            const counts = outcome.value as Array<{ count: number }>;
            const total = counts.reduce((sum, state) => sum + state.count, 0);
            if (total > 0)
              wrong.push(`queues.counts ${JSON.stringify(input)} as ${caller}: ${total}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // The same answers do show the dossiers to those who may read them.
    expect(seenByAgent).toContain(submitted.id);
    expect(seenByAgent).toContain(instructing.id);
  });
});
