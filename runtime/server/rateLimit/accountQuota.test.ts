import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionWithFiles, PDF, uploadFile } from '../attachments/testing/attachmentFixtures.ts';
import { DEFAULT_QUOTAS } from '../core/accountQuotas.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

let server: DossierServer;
let tenant: SeededTenant;
let citizen: TestClient;

// Small limits so the test reaches them; the counting is the production code's.
const QUOTAS = {
  perHour: {
    drafts: { citizen: 3, staff: 30 },
    messages: { citizen: 2, staff: 20 },
    uploads: { citizen: 4, staff: 40 },
  },
  tenantStorageBytes: 3 * PDF.length,
};

beforeAll(async () => {
  server = await startDossierServer({ config: { quotas: QUOTAS } });
  tenant = await seedTenant(server.database.db, { definition: definitionWithFiles });
  citizen = await server.signIn(tenant, 'citizen');
});
afterAll(() => server.close());

interface BatchItem {
  result?: unknown;
  error?: { message: string; data: { code: string; domainCode: string } };
}

describe('per-account quotas and the tenant storage cap (issue 13, item 11)', () => {
  // Regression: one batched request created 1,000 drafts in 1.5 s.
  it('counts every call of a batch: creations past the hourly quota get 429 in French with Retry-After', async () => {
    const calls = Array.from({ length: 5 }, () => 'dossiers.create').join(',');
    const input = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [i, { demarche: 'aide-sociale' }]),
    );
    const response = await citizen.fetch(`/trpc/${calls}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const items = (await response.json()) as BatchItem[];
    expect(items.filter((item) => item.result !== undefined)).toHaveLength(3);
    const refused = items.filter((item) => item.error !== undefined);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.error!.data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      domainCode: 'QUOTA_EXCEEDED',
    });
    expect(refused[0]!.error!.message).toMatch(/3 brouillons créés par heure/);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await citizen.trpc.dossiers.mine.query()).toHaveLength(3);
    // Another account has its own counter.
    const other = await server.signIn(tenant, 'otherCitizen');
    await expect(
      other.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' }),
    ).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('throttles messages per account, malformed or refused sends included', async () => {
    const agent = await server.signIn(tenant, 'agent');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      await agent.trpc.dossiers.messages.send
        .mutate({ dossierId: randomUUID(), body: 'Bonjour' })
        .catch(() => undefined);
      statuses.push(agent.lastResponse()!.status);
    }
    // Staff limit is 20 here: none throttled yet.
    expect(statuses).not.toContain(429);
    const sent: number[] = [];
    const author = await server.signIn(tenant, 'otherCitizen');
    for (let i = 0; i < 3; i++) {
      await author.trpc.dossiers.messages.send
        .mutate({ dossierId: randomUUID(), body: 'Bonjour' })
        .catch(() => undefined);
      sent.push(author.lastResponse()!.status);
    }
    expect(sent.slice(0, 2)).not.toContain(429);
    expect(sent[2]).toBe(429);
    expect(author.lastResponse()!.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('caps the tenant’s stored bytes (507 in French) and the uploads per account (429)', async () => {
    const { id } = await citizen.trpc.dossiers.create
      .mutate({ demarche: 'aide-sociale' })
      .catch(async () => {
        // The quota above is spent for this hour: the next window starts afresh.
        server.clock.advance(3600_000);
        return citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await uploadFile(citizen, id, PDF, { name: `avis-${i}.pdf` })).status);
    }
    expect(statuses).toEqual([201, 201, 201]);
    const full = await uploadFile(citizen, id, PDF, { name: 'avis-3.pdf' });
    expect(full.status).toBe(507);
    expect(await full.json()).toMatchObject({
      error: { code: 'STORAGE_FULL', message: expect.stringMatching(/stockage .* plein/) },
    });
    // Fifth upload of the hour: over the per-account quota before anything is read.
    const throttled = await uploadFile(citizen, id, PDF, { name: 'avis-4.pdf' });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('sets the defaults in one place: citizens below staff, 10 GiB per tenant', () => {
    for (const limit of Object.values(DEFAULT_QUOTAS.perHour)) {
      expect(limit.citizen).toBeLessThan(limit.staff);
    }
    expect(DEFAULT_QUOTAS.tenantStorageBytes).toBe(10 * 1024 ** 3);
  });
});
