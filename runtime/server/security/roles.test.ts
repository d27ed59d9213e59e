import { describe, expect, it } from 'vitest';
import { auditOfLastCall } from './testing/auditTrail.ts';
import { CALLERS, type Caller } from './testing/callers.ts';
import { callHttp } from './testing/callHttp.ts';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { dataFingerprint } from './testing/fingerprint.ts';
import { HTTP_ROUTE_SAMPLES } from './testing/httpRouteSamples.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';
import { nowhereLike } from './testing/sampleWorld.ts';

import { useSampleTenant } from './testing/useSampleTenant.ts';

const given = useSampleTenant();

const catalog = sampledCatalog();

describe('roles over the whole router (docs/SECURITY.md §9)', () => {
  it('refuses every caller the registry does not allow, and writes nothing', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const entry of catalog) {
      const refused = CALLERS.filter((caller) => !entry.sample.callers.includes(caller));
      if (refused.length === 0) continue;
      const before = await dataFingerprint(given().server.database);
      for (const caller of refused) {
        const outcome = await callProcedure(
          given().callers[caller],
          entry,
          entry.sample.input?.(given().world),
        );
        const expected = caller === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';
        refusals += 1;
        if (outcome.ok || outcome.code !== expected) {
          wrong.push(`${entry.path} as ${caller}: expected ${expected}, got ${shown(outcome)}`);
        }
        // Each role refusal of a signed-in caller is a security event: one audit row.
        if (caller !== 'anonymous') {
          const rows = await auditOfLastCall(given().server.database, given().callers[caller]);
          const account = given().tenant.accounts[caller];
          const audited =
            rows.length === 1 &&
            rows[0]!.action === 'access.role_denied' &&
            rows[0]!.actor === `user:${account.id}` &&
            rows[0]!.tenantId === given().tenant.tenantId &&
            rows[0]!.details['procedure'] === entry.path;
          if (!audited) wrong.push(`${entry.path} as ${caller}: audit ${JSON.stringify(rows)}`);
        }
      }
      const after = await dataFingerprint(given().server.database);
      if (JSON.stringify(after) !== JSON.stringify(before))
        wrong.push(`${entry.path}: data written`);
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(catalog.length);
  });

  it('answers NOT_FOUND, as for a random id, to given().callers who may not see the object', async () => {
    const wrong: string[] = [];
    for (const entry of catalog) {
      const { sample } = entry;
      if (sample.references !== 'ids') continue;
      const blind = sample.callers.filter((caller) => !sample.readers?.includes(caller));
      const before = await dataFingerprint(given().server.database);
      for (const caller of blind) {
        const outcome = await callProcedure(
          given().callers[caller],
          entry,
          sample.input?.(given().world),
        );
        const rowsForSeen = await auditOfLastCall(given().server.database, given().callers[caller]);
        const random = await callProcedure(
          given().callers[caller],
          entry,
          sample.input?.(nowhereLike(given().world)),
        );
        if (outcome.ok || outcome.code !== 'NOT_FOUND' || shown(outcome) !== shown(random)) {
          wrong.push(`${entry.path} as ${caller}: ${shown(outcome)} (random id: ${shown(random)})`);
        }
        // Both refusals are audited, once each: a denial of the dossier that exists, or
        // the id asked for.
        const rowsForRandom = await auditOfLastCall(
          given().server.database,
          given().callers[caller],
        );
        for (const rows of [rowsForSeen, rowsForRandom]) {
          const actions = rows.map((row) => row.action);
          if (
            actions.length !== 1 ||
            !['access.not_found', 'dossier.denied'].includes(actions[0]!)
          ) {
            wrong.push(`${entry.path} as ${caller}: audit ${JSON.stringify(rows)}`);
          }
        }
      }
      const after = await dataFingerprint(given().server.database);
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
        const outcome = await callProcedure(
          given().callers[caller],
          entry,
          sample.input?.(given().world),
        );
        if (!outcome.ok) wrong.push(`${entry.path} as ${caller}: ${shown(outcome)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('guards the file routes the same way: 401 for nobody, 404 as for a random id for the blind', async () => {
    const wrong: string[] = [];
    for (const [name, route] of Object.entries(HTTP_ROUTE_SAMPLES)) {
      const before = await dataFingerprint(given().server.database);
      for (const caller of CALLERS) {
        if (route.readers.includes(caller)) continue;
        const outcome = await callHttp(given().callers[caller], route.request(given().world));
        const random = await callHttp(
          given().callers[caller],
          route.request(nowhereLike(given().world)),
        );
        const expected = route.callers.includes(caller) ? 404 : 401;
        const same = expected === 401 || JSON.stringify(outcome) === JSON.stringify(random);
        if (outcome.status !== expected || !same) {
          wrong.push(
            `${name} as ${caller}: ${JSON.stringify(outcome)} (random: ${JSON.stringify(random)})`,
          );
        }
      }
      const after = await dataFingerprint(given().server.database);
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${name}: data written`);
      const served = await callHttp(given().callers[route.actor], route.request(given().world));
      expect(served.status, `${name} for ${route.actor}`).toBeLessThan(300);
    }
    expect(wrong).toEqual([]);
  });

  it('never shows a caller a dossier they may not read, whatever the filters', async () => {
    const { draft, submitted, instructing, messageId, attachmentId } = given().world;
    const everything = [draft.id, submitted.id, instructing.id, messageId, attachmentId];
    // The sample given().world's dossiers are all routed to `ccas`; a draft is its applicant's alone.
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
        { assignee: given().world.agentId },
        { states: ['brouillon', 'depose', 'en_instruction'] },
        { demarcheId: given().world.demarche.id, text: 'Martin' },
      ],
      'queues.counts': [{ unit: 'ccas' }, { demarcheId: given().world.demarche.id }],
    };
    const wrong: string[] = [];
    let seenByAgent = '';
    for (const entry of catalog) {
      if (entry.type !== 'query') continue;
      const inputs = [entry.sample.input?.(given().world), ...(probes[entry.path] ?? [])];
      for (const caller of CALLERS) {
        for (const input of inputs) {
          const outcome = await callProcedure(given().callers[caller], entry, input);
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
