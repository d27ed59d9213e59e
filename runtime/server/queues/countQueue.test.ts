import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { dossiers } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { countQueue, type StateCount } from './countQueue.ts';
import type { QueueViewer } from './queueViewer.ts';
import { queueCountDrift } from './testing/queueCountDrift.ts';
import { queueViewers } from './testing/queueViewers.ts';
import { seedQueueDossier } from './testing/seedQueueDossier.ts';

const now = new Date('2026-03-10T12:00:00Z');

describeOnEachDriver('queues: counts per state', (database, kind) => {
  let world: SeededTenant;
  let other: SeededTenant;

  beforeAll(async () => {
    const { db } = database();
    world = await seedTenant(db);
    other = await seedTenant(db);
    const rows: Array<[string, string | null, number]> = [
      ['depose', 'ccas', 3],
      ['depose', 'ccas-familles', 2],
      ['depose', 'mairie', 4],
      ['depose', null, 1],
      ['en_instruction', 'ccas', 2],
      ['en_instruction', 'mairie', 1],
      ['accepte', 'ccas-familles', 5],
    ];
    for (const [state, unitCode, times] of rows) {
      for (let i = 0; i < times; i += 1) await seedQueueDossier(db, world, { state, unitCode });
    }
    // Drafts never count, whatever their unit; another tenant's dossiers neither.
    for (let i = 0; i < 3; i += 1)
      await seedQueueDossier(db, world, { state: 'brouillon', reference: null });
    for (let i = 0; i < 6; i += 1)
      await seedQueueDossier(db, other, { state: 'depose', unitCode: 'ccas' });
  });

  const tabsOf = async (
    viewer: QueueViewer,
    input: { demarcheId?: string; unit?: string } = {},
    at = now,
  ): Promise<StateCount[]> => {
    const result = await countQueue({ db: database().db, viewer, now: at }, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const counts = async (viewer: QueueViewer, input: { demarcheId?: string; unit?: string } = {}) =>
    Object.fromEntries((await tabsOf(viewer, input)).map((t) => [t.state, t.count]));
  const tabs = (depose: number, instruction: number, accepte: number) => ({
    depose,
    en_instruction: instruction,
    complement: 0,
    accepte,
    refuse: 0,
    retire: 0,
  });

  it('counts every submitted dossier of the tenant for an admin, one tab per non-draft state', async () => {
    expect(await counts(queueViewers(world).admin)).toEqual(tabs(10, 3, 5));
    expect(await counts(queueViewers(world).admin, { demarcheId: world.demarche.id })).toEqual(
      tabs(10, 3, 5),
    );
  });

  it('counts only what the viewer sees: covered units plus unrouted', async () => {
    const viewers = queueViewers(world);
    expect(await counts(viewers.agent)).toEqual(tabs(6, 2, 5));
    expect(await counts(viewers.supervisor, { demarcheId: world.demarche.id })).toEqual(
      tabs(6, 2, 5),
    );
    expect(await counts(viewers.agentMairie)).toEqual(tabs(5, 1, 0));
  });

  it('narrows to one unit, and to nothing for a unit the viewer does not cover', async () => {
    const viewers = queueViewers(world);
    expect(await counts(viewers.admin, { unit: 'mairie' })).toEqual(tabs(4, 1, 0));
    expect(await counts(viewers.agent, { unit: 'ccas-familles' })).toEqual(tabs(2, 0, 5));
    expect(await counts(viewers.agent, { unit: 'mairie' })).toEqual(tabs(0, 0, 0));
  });

  it('never counts another tenant, even with the same unit codes', async () => {
    expect(await counts(queueViewers(other).agent)).toEqual(tabs(6, 0, 0));
    expect(await counts(queueViewers(other).admin, { demarcheId: world.demarche.id })).toEqual({});
  });

  it('keeps each démarche’s states apart, even under the same id', async () => {
    const { db } = database();
    const tenant = await seedTenant(db);
    const apa = structuredClone(socialAidDefinition);
    apa.meta = { ...apa.meta, slug: 'apa', title: 'APA à domicile', referencePrefix: 'APA' };
    apa.workflow.states = apa.workflow.states.map((state) =>
      state.id === 'depose' ? { ...state, label: 'Demande déposée' } : state,
    );
    const second = await insertPublishedDemarche(db, tenant.tenantId, apa);
    for (let i = 0; i < 2; i += 1) await seedQueueDossier(db, tenant, { state: 'depose' });
    for (let i = 0; i < 3; i += 1)
      await seedQueueDossier(db, tenant, { state: 'depose', demarche: second });
    const admin = queueViewers(tenant).admin;
    const deposited = (await tabsOf(admin)).filter((tab) => tab.state === 'depose');
    expect(
      deposited.map(({ demarcheId, demarcheTitle, label, count }) => ({
        demarcheId,
        demarcheTitle,
        label,
        count,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          demarcheId: tenant.demarche.id,
          demarcheTitle: 'Demande d’aide sociale',
          label: 'Déposé',
          count: 2,
        },
        {
          demarcheId: second.id,
          demarcheTitle: 'APA à domicile',
          label: 'Demande déposée',
          count: 3,
        },
      ]),
    );
    expect(deposited).toHaveLength(2);
    const onlyApa = await tabsOf(admin, { demarcheId: second.id });
    expect(new Set(onlyApa.map((tab) => tab.demarcheId))).toEqual(new Set([second.id]));
    expect(onlyApa.find((tab) => tab.state === 'depose')?.count).toBe(3);
  });

  it('labels tabs from the published definition', async () => {
    const [first] = await tabsOf(queueViewers(world).admin);
    expect(first).toEqual({
      demarcheId: world.demarche.id,
      demarcheTitle: 'Demande d’aide sociale',
      state: 'depose',
      label: 'Déposé',
      kind: 'active',
      count: 10,
      mine: 0,
      unassigned: 10,
      overdue: 0,
    });
  });

  it('counts « à moi », « non assignés » and « en retard » exactly, today’s due dates to the instant', async () => {
    const { db } = database();
    const tenant = await seedTenant(db);
    const { agent, admin } = queueViewers(tenant);
    const seed = (dossier: Parameters<typeof seedQueueDossier>[2]) =>
      seedQueueDossier(db, tenant, { state: 'en_instruction', ...dossier });
    await seed({ assigneeId: tenant.accounts.agent.id, dueAt: '2026-03-01T08:00:00Z' });
    await seed({ assigneeId: tenant.accounts.agent.id, dueAt: '2026-03-10T11:59:59.999999Z' });
    await seed({ assigneeId: tenant.accounts.supervisor.id, dueAt: '2026-03-10T12:00:00Z' });
    await seed({ dueAt: '2026-03-09T23:59:59Z' });
    await seed({ dueAt: '2026-04-01T00:00:00Z', unitCode: 'mairie' });
    await seed({ dueAt: null });
    const instruction = (tabs: StateCount[]) => tabs.find((t) => t.state === 'en_instruction');
    expect(instruction(await tabsOf(agent))).toMatchObject({
      count: 5,
      mine: 2,
      unassigned: 2,
      overdue: 3,
    });
    expect(instruction(await tabsOf(admin))).toMatchObject({
      count: 6,
      mine: 0,
      unassigned: 3,
      overdue: 3,
    });
    // A day later the ones due at noon and on April 1st are not yet, the rest are.
    const later = instruction(await tabsOf(admin, {}, new Date('2026-03-11T00:00:01Z')));
    expect(later?.overdue).toBe(4);
    expect(await queueCountDrift(database(), tenant.tenantId)).toEqual([]);
  });

  it('keeps the counters equal to count(*) through creates, transitions, assignments, due dates and deletes', async () => {
    const { db } = database();
    const tenant = await seedTenant(db);
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        await seedQueueDossier(db, tenant, {
          unitCode: i % 3 === 0 ? null : 'ccas',
          dueAt: i % 2 === 0 ? `2026-03-0${1 + (i % 9)}T10:00:00Z` : null,
        }),
      );
    }
    const draft = await seedQueueDossier(db, tenant, { state: 'brouillon', reference: null });
    expect(await queueCountDrift(database(), tenant.tenantId)).toEqual([]);
    const where = (some: string[]) =>
      and(eq(dossiers.tenantId, tenant.tenantId), inArray(dossiers.id, some));
    await db
      .update(dossiers)
      .set({ state: 'en_instruction' })
      .where(where(ids.slice(0, 5)));
    await db
      .update(dossiers)
      .set({ assigneeId: tenant.accounts.agent.id })
      .where(where(ids.slice(3, 8)));
    await db
      .update(dossiers)
      .set({ unitCode: 'mairie' })
      .where(where(ids.slice(6, 9)));
    await db
      .update(dossiers)
      .set({ dueAt: new Date('2026-03-20T00:00:00Z') })
      .where(where(ids.slice(0, 4)));
    // Submitting a draft numbers it: from then on it counts.
    await db
      .update(dossiers)
      .set({ state: 'depose', reference: 'AIDE-2026-D00001' })
      .where(where([draft]));
    // A change that leaves every key alone (an autosave) writes no counter.
    await db
      .update(dossiers)
      .set({ data: { nom: 'Martin' } })
      .where(where(ids.slice(9)));
    expect(await queueCountDrift(database(), tenant.tenantId)).toEqual([]);
    await db.delete(dossiers).where(where([...ids.slice(0, 2), ids[10]!]));
    expect(await queueCountDrift(database(), tenant.tenantId)).toEqual([]);
    const admin = queueViewers(tenant).admin;
    const total = (await tabsOf(admin)).reduce((sum, tab) => sum + tab.count, 0);
    expect(total).toBe(10);
  });

  it('counts nothing a rolled-back transaction wrote', async () => {
    const { db } = database();
    const tenant = await seedTenant(db);
    const id = await seedQueueDossier(db, tenant);
    await expect(
      db.transaction(async (tx) => {
        await tx
          .update(dossiers)
          .set({ state: 'accepte' })
          .where(and(eq(dossiers.tenantId, tenant.tenantId), eq(dossiers.id, id)));
        await seedQueueDossier(tx, tenant);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await counts(queueViewers(tenant).admin)).toEqual(tabs(1, 0, 0));
    expect(await queueCountDrift(database(), tenant.tenantId)).toEqual([]);
  });

  it('stays exact under concurrent transactions on the same queue', async () => {
    const { db } = database();
    const tenant = await seedTenant(db);
    const ids = await Promise.all(
      Array.from({ length: 16 }, () =>
        seedQueueDossier(db, tenant, { dueAt: '2026-03-05T09:00:00Z' }),
      ),
    );
    // Each transaction moves dossiers both ways between the same states and units, so
    // on PostgreSQL they lock shared counter rows from opposite directions.
    await Promise.all(
      ids.map((id, i) =>
        db.transaction(async (tx) => {
          const mine = and(eq(dossiers.tenantId, tenant.tenantId), eq(dossiers.id, id));
          await seedQueueDossier(tx, tenant, { state: i % 2 ? 'depose' : 'en_instruction' });
          await tx
            .update(dossiers)
            .set({
              state: i % 2 ? 'en_instruction' : 'complement',
              assigneeId: tenant.accounts.agent.id,
            })
            .where(mine);
          if (i % 4 === 0) await tx.delete(dossiers).where(mine);
        }),
      ),
    );
    expect(await queueCountDrift(database(), tenant.tenantId)).toEqual([]);
    const total = (await tabsOf(queueViewers(tenant).admin)).reduce(
      (sum, tab) => sum + tab.count,
      0,
    );
    expect(total).toBe(16 + 16 - 4);
    expect(kind).toMatch(/postgres|pglite/);
  });
});
