import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { countQueue } from './countQueue.ts';
import type { QueueViewer } from './queueViewer.ts';
import { queueViewers } from './testing/queueViewers.ts';
import { seedQueueDossier } from './testing/seedQueueDossier.ts';

const now = new Date('2026-03-10T12:00:00Z');

describeOnEachDriver('queues: counts per state', (database) => {
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

  const counts = async (
    viewer: QueueViewer,
    input: { demarcheId?: string; unit?: string } = {},
    cap?: number,
  ) => {
    const result = await countQueue(
      { db: database().db, viewer, now },
      input,
      cap === undefined ? {} : { cap },
    );
    if (!result.ok) throw new Error(result.error.message);
    return Object.fromEntries(
      result.value.map((tab) => [tab.state, tab.capped ? `${tab.count}+` : tab.count]),
    );
  };
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

  it('caps each tab and says so', async () => {
    expect(await counts(queueViewers(world).admin, {}, 4)).toEqual({
      ...tabs(0, 3, 0),
      depose: '4+',
      accepte: '4+',
    });
    expect(await counts(queueViewers(world).agent, {}, 5)).toEqual({
      ...tabs(0, 2, 5),
      depose: '5+',
    });
  });

  it('labels tabs from the published definition', async () => {
    const result = await countQueue(
      { db: database().db, viewer: queueViewers(world).admin, now },
      {},
    );
    expect(result.ok && result.value[0]).toEqual({
      state: 'depose',
      label: 'Déposé',
      kind: 'active',
      count: 10,
      capped: false,
    });
  });
});
