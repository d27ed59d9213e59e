import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { auditOfLastCall } from './testing/auditTrail.ts';
import { CALLERS, type Callers, SIGNED_IN, signInCallers } from './testing/callers.ts';
import { callHttp } from './testing/callHttp.ts';
import { callProcedure, shown } from './testing/callProcedure.ts';
import { tenantFingerprint } from './testing/fingerprint.ts';
import { HTTP_ROUTE_SAMPLES } from './testing/httpRouteSamples.ts';
import type { ProcedureSample } from './testing/procedureSamples.ts';
import { sampledCatalog } from './testing/sampledCatalog.ts';
import {
  buildSampleWorld,
  identifiersOf,
  nowhereLike,
  type SampleWorld,
} from './testing/sampleWorld.ts';

let server: DossierServer;
let tenantA: SeededTenant;
let tenantB: SeededTenant;
let a: Callers;
let b: Callers;
let worldA: SampleWorld;
let worldB: SampleWorld;

beforeAll(async () => {
  server = await startDossierServer();
  tenantA = await seedTenant(server.database.db);
  tenantB = await seedTenant(server.database.db);
  [a, b] = await Promise.all([signInCallers(server, tenantA), signInCallers(server, tenantB)]);
  worldA = await buildSampleWorld(tenantA, a);
  worldB = await buildSampleWorld(tenantB, b);
});
afterAll(() => server.close());

const catalog = sampledCatalog();
const byIds = catalog.filter((entry) => ['ids', 'idFilter'].includes(entry.sample.references));
const byTenantSlug = catalog.filter((entry) => entry.sample.references === 'tenant');
const queries = catalog.filter((entry) => entry.type === 'query');

function inputOf(sample: ProcedureSample, world: SampleWorld): unknown {
  return sample.input?.(world);
}

describe('tenant isolation over the whole router (docs/SECURITY.md §7)', () => {
  it('answers another tenant’s ids exactly as ids that exist nowhere, and writes nothing there', async () => {
    expect(byIds.length).toBeGreaterThan(0);
    const before = await tenantFingerprint(server.database, tenantB.tenantId);
    const leaks: string[] = [];
    for (const entry of byIds) {
      for (const caller of SIGNED_IN) {
        const foreign = await callProcedure(a[caller], entry, inputOf(entry.sample, worldB));
        const audit = await auditOfLastCall(server.database, a[caller]);
        const random = await callProcedure(
          a[caller],
          entry,
          inputOf(entry.sample, nowhereLike(worldB)),
        );
        const allowed = entry.sample.callers.includes(caller);
        // A filter by unknown ids is an empty page, not an error: compared to random below.
        const expected = !allowed
          ? 'FORBIDDEN'
          : entry.sample.references === 'ids'
            ? 'NOT_FOUND'
            : 'ok';
        const where = `${entry.path} as A's ${caller}`;
        // The refusal differs from a random id's only in the audit trail: one row in A's
        // tenant, naming the id asked for when the procedure found nothing.
        const auditAction = { FORBIDDEN: 'access.role_denied', NOT_FOUND: 'access.not_found' }[
          expected as 'FORBIDDEN' | 'NOT_FOUND'
        ];
        const asked = JSON.stringify(Object.values(inputOf(entry.sample, worldB) as object));
        const audited =
          auditAction === undefined
            ? audit.length === 0
            : audit.length === 1 &&
              audit[0]!.action === auditAction &&
              audit[0]!.tenantId === tenantA.tenantId &&
              audit[0]!.actor === `user:${tenantA.accounts[caller].id}` &&
              audit[0]!.details['procedure'] === entry.path &&
              (auditAction === 'access.role_denied' ||
                (audit[0]!.object !== null && asked.includes(audit[0]!.object.split(':')[1]!)));
        if (!audited) leaks.push(`${where}: audit ${JSON.stringify(audit)}`);
        if (expected === 'ok' ? !foreign.ok : foreign.ok || foreign.code !== expected) {
          leaks.push(`${where}: expected ${expected}, got ${shown(foreign)}`);
        } else if (JSON.stringify(foreign) !== JSON.stringify(random)) {
          leaks.push(
            `${where}: B's ids ${JSON.stringify(foreign)} ≠ random ${JSON.stringify(random)}`,
          );
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await tenantFingerprint(server.database, tenantB.tenantId)).toEqual(before);
  });

  it('uses ids that B’s own users do reach (else the test above proves nothing)', async () => {
    for (const entry of byIds) {
      const own = b[entry.sample.actor];
      const outcome = await callProcedure(own, entry, inputOf(entry.sample, worldB));
      if (entry.sample.references === 'idFilter') {
        // The filter matched B's data: its answer is not the empty one of unknown ids.
        const random = await callProcedure(own, entry, inputOf(entry.sample, nowhereLike(worldB)));
        expect(shown(outcome), entry.path).toBe('ok');
        expect(JSON.stringify(outcome), entry.path).not.toEqual(JSON.stringify(random));
      } else if (entry.type === 'query') {
        expect(shown(outcome), entry.path).toBe('ok');
      } else {
        // A mutation may have lost a race with an earlier one; it must still have found its object.
        expect(outcome.ok || outcome.code !== 'NOT_FOUND', entry.path).toBe(true);
      }
    }
  });

  it('answers another tenant’s ids on the file routes exactly as ids that exist nowhere', async () => {
    const before = await tenantFingerprint(server.database, tenantB.tenantId);
    const leaks: string[] = [];
    for (const [name, route] of Object.entries(HTTP_ROUTE_SAMPLES)) {
      for (const caller of SIGNED_IN) {
        const foreign = await callHttp(a[caller], route.request(worldB));
        const audit = await auditOfLastCall(server.database, a[caller]);
        const random = await callHttp(a[caller], route.request(nowhereLike(worldB)));
        const audited =
          audit.length === 1 &&
          audit[0]!.action === 'access.not_found' &&
          audit[0]!.tenantId === tenantA.tenantId &&
          audit[0]!.details['procedure'] === name &&
          route.request(worldB).path.includes(audit[0]!.object?.split(':')[1] ?? '-');
        if (!audited) leaks.push(`${name} as A's ${caller}: audit ${JSON.stringify(audit)}`);
        if (foreign.status !== 404 || JSON.stringify(foreign) !== JSON.stringify(random)) {
          leaks.push(
            `${name} as A's ${caller}: ${JSON.stringify(foreign)} (random: ${JSON.stringify(random)})`,
          );
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await tenantFingerprint(server.database, tenantB.tenantId)).toEqual(before);
    for (const [name, route] of Object.entries(HTTP_ROUTE_SAMPLES)) {
      // Found, whatever happened next: the draft may have been submitted by an earlier test.
      const own = await callHttp(b[route.actor], route.request(worldB));
      expect([401, 404], `${name} for B's ${route.actor}`).not.toContain(own.status);
    }
  });

  it('never replays another tenant’s stored answer for the same idempotency key', async () => {
    const key = randomUUID();
    const draftOf = async (client: Callers['citizen'], world: SampleWorld) => {
      const { id } = await client.trpc.dossiers.create.mutate({ demarche: world.demarche.slug });
      await client.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 0 });
      return id;
    };
    const submitWith = (client: Callers['citizen'], id: string) =>
      client.trpc.dossiers.submit.mutate({
        id,
        revision: 1,
        transition: 'deposer',
        idempotencyKey: key,
      });
    const inB = await submitWith(b.citizen, await draftOf(b.citizen, worldB));
    const idA = await draftOf(a.citizen, worldA);
    const inA = await submitWith(a.citizen, idA);
    expect(inA.id).toBe(idA);
    expect(JSON.stringify(inA)).not.toContain(inB.id);
  });

  it('shows A’s users of another tenant’s public catalogue only what anybody sees', async () => {
    const publicQueries = byTenantSlug.filter((entry) => entry.type === 'query');
    expect(publicQueries.length).toBeGreaterThan(0);
    for (const entry of publicQueries) {
      const input = inputOf(entry.sample, worldB);
      const seenByAnybody = await callProcedure(b.anonymous, entry, input);
      expect(shown(seenByAnybody), entry.path).toBe('ok');
      for (const caller of CALLERS) {
        expect(await callProcedure(a[caller], entry, input), `${entry.path} as ${caller}`).toEqual(
          seenByAnybody,
        );
      }
    }
  });

  it('refuses A’s credentials on B’s login exactly as on a tenant that does not exist', async () => {
    const login = catalog.find((entry) => entry.path === 'auth.login')!;
    const credentials = { email: tenantA.accounts.citizen.email, password: 'x' };
    const onB = await callProcedure(a.citizen, login, {
      ...credentials,
      password: tenantA.accounts.citizen.password,
      tenant: tenantB.slug,
    });
    const nowhere = await callProcedure(a.citizen, login, {
      ...credentials,
      password: tenantA.accounts.citizen.password,
      tenant: nowhereLike(worldB).tenantSlug,
    });
    expect(onB).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(onB).toEqual(nowhere);
    const me = await a.citizen.trpc.auth.me.query();
    expect(me).toMatchObject({ id: tenantA.accounts.citizen.id });
  });

  it('never puts one of B’s identifiers in an answer to A’s users', async () => {
    const bIds = identifiersOf(tenantB, worldB);
    const leaks: string[] = [];
    let answered = 0;
    for (const entry of queries) {
      for (const caller of CALLERS) {
        const outcome = await callProcedure(a[caller], entry, inputOf(entry.sample, worldA));
        if (outcome.ok) answered += 1;
        const text = JSON.stringify(outcome);
        const seen = bIds.filter((id) => text.includes(id));
        if (seen.length > 0) leaks.push(`${entry.path} as A's ${caller}: ${seen.join(', ')}`);
      }
    }
    expect(leaks).toEqual([]);
    // Every query answered at least its actor: the sweep looked at real answers.
    expect(answered).toBeGreaterThanOrEqual(queries.length);
  });
});
