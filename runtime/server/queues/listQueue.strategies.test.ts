import { beforeAll, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { readerOf } from '../dossiers/index.ts';
import { sessionOf } from '../dossiers/testing/dossierTestKit.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { listQueue } from './listQueue.ts';
import { type QueueListInput, queueListInput } from './queueInput.ts';
import type { QueueViewer } from './queueViewer.ts';
import { queueViewers } from './testing/queueViewers.ts';
import { seedQueueDossier } from './testing/seedQueueDossier.ts';

const now = new Date('2026-03-10T12:00:00Z');
const NAMES = ['Dupont', 'Dupuis', 'Martin', 'Éloïse Martin', 'Jean-Pierre Léger', 'Lefèvre'];
const STATES = ['depose', 'en_instruction', 'complement', 'accepte', 'brouillon'];
const UNITS = ['ccas', 'ccas-familles', 'mairie', null];

/**
 * The queue reads a page in different ways depending on the filters and the sort: one
 * query, a union of index ranges per state and unit, an ordered probe, or the GIN
 * indexes. Whatever the way, the rows and their order must be the same.
 */
describeOnEachDriver('queues: every read strategy returns the same pages', (database) => {
  let world: SeededTenant;
  const seeded: Array<{ id: string; state: string; unitCode: string | null; applicantId: string }> =
    [];

  beforeAll(async () => {
    world = await seedTenant(database().db);
    for (let i = 0; i < 48; i += 1) {
      const row = {
        state: STATES[i % 5]!,
        unitCode: UNITS[i % 4] ?? null,
        ...(i % 5 === 4 ? { reference: null } : {}),
        priority: (i * 7) % 4,
        createdAt: `2026-03-01T09:00:0${i % 4}.00000${i % 2}Z`,
        updatedAt: `2026-03-02T09:00:0${i % 6}.000000Z`,
        dueAt: i % 3 === 0 ? null : `2026-03-0${1 + (i % 9)}T09:00:00.000000Z`,
        data: { nom: NAMES[i % NAMES.length], commune: i % 2 ? '75056' : '69123', enfants: i % 3 },
      };
      const id = await seedQueueDossier(database().db, world, row);
      seeded.push({
        id,
        state: row.state,
        unitCode: row.unitCode,
        applicantId: world.accounts.citizen.id,
      });
    }
  });

  async function allIds(viewer: QueueViewer, input: Partial<QueueListInput>, probeBudget?: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const query = queueListInput.parse({ ...input, limit: 4, ...(cursor ? { cursor } : {}) });
      const result = await listQueue(
        { db: database().db, viewer, now },
        query,
        probeBudget === undefined ? {} : { probeBudget },
      );
      if (!result.ok) throw new Error(result.error.message);
      ids.push(...result.value.items.map((item) => item.id));
      cursor = result.value.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return ids;
  }

  const filters: Array<Partial<QueueListInput>> = [
    { text: 'martin' },
    { text: 'dup' },
    { text: 'jean-pierre leg' },
    { fields: { commune: '75056' } },
    { fields: { commune: '75056', enfants: 1 }, states: ['depose', 'en_instruction'] },
    { text: 'mar', priority: ['high', 'urgent', 'low'] },
    { states: ['depose', 'en_instruction', 'complement'] },
    { states: ['depose', 'accepte'], priority: ['normal', 'low'] },
  ];
  const sorts = ['createdAt', 'dueAt', 'priority', 'updatedAt'] as const;

  it('gives the same rows in the same order, probing or reading the GIN indexes', async () => {
    for (const filter of filters.filter((f) => f.text !== undefined || f.fields !== undefined)) {
      for (const sort of sorts) {
        const probed = await allIds(queueViewers(world).admin, { ...filter, sort }, 1_000_000);
        expect(await allIds(queueViewers(world).admin, { ...filter, sort }, 1)).toEqual(probed);
        expect(await allIds(queueViewers(world).admin, { ...filter, sort }, 3)).toEqual(probed);
        expect(await allIds(queueViewers(world).agent, { ...filter, sort }, 1)).toEqual(
          await allIds(queueViewers(world).agent, { ...filter, sort }),
        );
      }
    }
  });

  it('gives an agent exactly the admin’s pages minus the units they do not cover', async () => {
    const viewers = queueViewers(world);
    for (const viewer of [viewers.agent, viewers.agentMairie]) {
      const visible = new Set(
        seeded
          .filter((row) => row.unitCode === null || viewer.unitCodes.includes(row.unitCode))
          .map((row) => row.id),
      );
      for (const filter of filters) {
        for (const sort of sorts) {
          const adminIds = await allIds(viewers.admin, { ...filter, sort });
          expect(await allIds(viewer, { ...filter, sort })).toEqual(
            adminIds.filter((id) => visible.has(id)),
          );
        }
      }
    }
  });

  it('lists exactly the dossiers each staff member may open (`readerOf`)', async () => {
    const kinds = new Map(
      socialAidDefinition.workflow.states.map((state) => [state.id, state.kind]),
    );
    for (const who of ['admin', 'agent', 'supervisor', 'agentMairie'] as const) {
      const listed = new Set(await allIds(queueViewers(world)[who], {}));
      const readable = seeded.filter(
        (row) => readerOf(sessionOf(world, who), row, kinds.get(row.state)) === 'staff',
      );
      expect([...listed].sort()).toEqual(readable.map((row) => row.id).sort());
    }
  });
});
