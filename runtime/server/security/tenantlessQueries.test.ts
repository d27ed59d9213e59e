import { beforeAll, expect, it } from 'vitest';
import { attachments } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import {
  createDossier,
  dossierAttachments,
  lastChangeOf,
  listMyDossiers,
  loadLatestVersion,
  loadPublishedVersion,
} from '../dossiers/index.ts';
import { contextOf, expectOk } from '../dossiers/testing/dossierTestKit.ts';
import { loadEffectDossier, resolveRecipients } from '../effects/index.ts';
import { toQueueItems } from '../queues/index.ts';
import { toTaskItems } from '../tasks/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';

/**
 * These services filter on the tenant by hand (`eq(table.tenantId, tenantId)`) instead
 * of through `tenantScope`, so nothing makes them refuse a missing tenant. docs/SECURITY.md §8
 * still holds if such a query, given no tenant, returns nothing or throws: this suite
 * checks it for each of them, with a positive control showing the same call with the
 * tenant does find rows (so "nothing" is not just an empty database).
 */
type Lookup = (tenantId: string) => Promise<unknown>;

const MISSING = [undefined, null, ''] as const;

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && (value as { ok?: unknown }).ok === false;
}

describeOnEachDriver('hand-filtered tenant queries (docs/SECURITY.md §8)', (database) => {
  let tenant: SeededTenant;
  let lookups: Record<string, Lookup>;

  beforeAll(async () => {
    const { db } = database();
    tenant = await seedTenant(db);
    // A second tenant, so an unfiltered query would have another tenant's rows to return.
    const other = await seedTenant(db);
    const opened = expectOk(
      await createDossier(contextOf(db, tenant, 'citizen'), { demarche: 'aide-sociale' }),
    );
    expectOk(await createDossier(contextOf(db, other, 'citizen'), { demarche: 'aide-sociale' }));
    await db.insert(attachments).values({
      tenantId: tenant.tenantId,
      dossierId: opened.id,
      field: 'nom',
      fileName: 'avis.png',
      mediaType: 'image/png',
      sizeBytes: 68,
      sha256: 'a'.repeat(64),
      storageKey: 'aa/aaaa',
    });
    const citizen = tenant.accounts.citizen.id;
    const { demarche } = tenant;
    const now = new Date('2026-03-02T09:00:00Z');
    const row = {
      id: opened.id,
      reference: null,
      demarcheId: demarche.id,
      version: demarche.version,
      revision: 0,
      state: 'brouillon',
      unitCode: null,
      assigneeId: null,
      applicantId: citizen,
      priority: 1,
      dueAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      k0: null,
    };
    lookups = {
      // One item per row whatever happens: what must stay empty is what it looks up.
      toQueueItems: async (tenantId) =>
        (await toQueueItems(db, tenantId, [row], now)).flatMap((item) =>
          [item.applicantName, item.demarcheTitle].filter((text) => text !== ''),
        ),
      toTaskItems: (tenantId) => {
        const viewer = { ...contextOf(db, tenant, 'admin').session, tenantId };
        const task = { ...row, source: 'dossier' as const, dossierId: opened.id, title: null };
        return toTaskItems({ db, viewer, now }, [task]);
      },
      listMyDossiers: (tenantId) => {
        const context = contextOf(db, tenant, 'citizen');
        return listMyDossiers({ ...context, session: { ...context.session, tenantId } });
      },
      loadPublishedVersion: (tenantId) =>
        loadPublishedVersion(db, tenantId, demarche.id, demarche.version),
      loadLatestVersion: (tenantId) => loadLatestVersion(db, tenantId, demarche.slug),
      lastChangeOf: (tenantId) => lastChangeOf(db, tenantId, opened.id),
      dossierAttachments: (tenantId) => dossierAttachments(db, tenantId, opened.id),
      resolveRecipients: (tenantId) =>
        resolveRecipients(
          db,
          tenantId,
          { applicantId: citizen, assigneeId: null, unitCode: null, data: {} },
          { kind: 'applicant' },
        ),
      loadEffectDossier: (tenantId) =>
        loadEffectDossier(db, {
          effectKey: `${opened.id}:1:0`,
          tenantId,
          dossierId: opened.id,
          reference: null,
          eventSeq: '1',
          demarcheId: demarche.id,
          version: demarche.version,
          transition: 'deposer',
          effect: { type: 'notify', template: 'accuse-reception', to: { kind: 'applicant' } },
          input: {},
        }),
    };
  });

  it('find rows when given the tenant (positive control)', async () => {
    for (const [name, lookup] of Object.entries(lookups)) {
      expect(isEmpty(await lookup(tenant.tenantId)), name).toBe(false);
    }
  });

  it('return nothing or throw when the tenant is missing', async () => {
    const leaks: string[] = [];
    for (const [name, lookup] of Object.entries(lookups)) {
      for (const missing of MISSING) {
        const found = await lookup(missing as unknown as string).catch(() => null);
        if (!isEmpty(found)) leaks.push(`${name}(${JSON.stringify(missing)}) returned rows`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
