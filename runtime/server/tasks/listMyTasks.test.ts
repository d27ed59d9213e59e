import { beforeAll, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { demarches, demarcheVersions, tasks } from '../../db/schema/index.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import type { QueueViewer } from '../queues/index.ts';
import { queueViewers } from '../queues/testing/queueViewers.ts';
import { seedQueueDossier } from '../queues/testing/seedQueueDossier.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { listMyTasks, myTasksInput } from './listMyTasks.ts';

const now = new Date('2026-03-10T12:00:00Z');
const due = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The social-aid workflow where `depose` belongs to the `mairie` unit's agents. */
const mairieOwned: DemarcheDefinition = {
  ...socialAidDefinition,
  meta: { ...socialAidDefinition.meta, slug: 'aide-mairie', referencePrefix: 'MAIRIE' },
  workflow: {
    ...socialAidDefinition.workflow,
    states: socialAidDefinition.workflow.states.map((state) =>
      state.id === 'depose' ? { ...state, owner: { role: 'agent', unit: 'mairie' } } : state,
    ),
  },
};

describeOnEachDriver('tasks: what a staff member must do now', (database) => {
  let world: SeededTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = database();
    world = await seedTenant(db);
    const other = await seedTenant(db);
    const { agent, agentMairie } = world.accounts;
    const seeds = {
      deposeCcas: { state: 'depose', unitCode: 'ccas', dueAt: due(5) },
      mineInInstruction: {
        state: 'en_instruction',
        unitCode: 'ccas',
        assigneeId: agent.id,
        dueAt: due(3),
      },
      othersInInstruction: {
        state: 'en_instruction',
        unitCode: 'ccas',
        assigneeId: agentMairie.id,
        dueAt: due(4),
      },
      mineWaitingForCitizen: {
        state: 'complement',
        unitCode: 'ccas',
        assigneeId: agent.id,
        dueAt: due(2),
      },
      deposeMairie: { state: 'depose', unitCode: 'mairie', dueAt: due(6) },
      deposeUnrouted: { state: 'depose', unitCode: null, dueAt: due(7) },
      deposeFamillesNoDue: { state: 'depose', unitCode: 'ccas-familles', dueAt: null },
      accepted: { state: 'accepte', unitCode: 'ccas', assigneeId: agent.id, dueAt: null },
      draft: { state: 'brouillon', reference: null, unitCode: 'ccas', dueAt: due(1) },
    } as const;
    for (const [name, seed] of Object.entries(seeds))
      ids[name] = await seedQueueDossier(db, world, seed);
    await seedQueueDossier(db, other, { state: 'depose', unitCode: 'ccas', dueAt: due(1) });
    const [table, , callBack] = await db
      .insert(tasks)
      .values([
        {
          tenantId: world.tenantId,
          dossierId: ids['deposeCcas']!,
          unitCode: 'ccas',
          title: 'Vérifier les pièces',
          dueAt: new Date(due(8)),
        },
        {
          tenantId: world.tenantId,
          dossierId: ids['deposeCcas']!,
          unitCode: 'ccas',
          title: 'Déjà fait',
          state: 'done',
        },
        {
          tenantId: world.tenantId,
          dossierId: ids['deposeMairie']!,
          assigneeId: agentMairie.id,
          title: 'Rappeler',
          dueAt: new Date(due(1)),
        },
      ])
      .returning({ id: tasks.id });
    ids['tableTask'] = table!.id;
    ids['callBackTask'] = callBack!.id;
    // A second démarche whose `depose` state belongs to the `mairie` unit, whatever the dossier's unit.
    const [demarche] = await db
      .insert(demarches)
      .values({
        tenantId: world.tenantId,
        slug: 'aide-mairie',
        title: 'Aide de la mairie',
        draft: { ...mairieOwned },
      })
      .returning();
    await db.insert(demarcheVersions).values({
      tenantId: world.tenantId,
      demarcheId: demarche!.id,
      version: 1,
      definition: { ...mairieOwned },
    });
    const mairieWorld = {
      ...world,
      demarche: { id: demarche!.id, slug: 'aide-mairie', version: 1 },
    };
    ids['mairieOwnedInCcas'] = await seedQueueDossier(db, mairieWorld, {
      state: 'depose',
      unitCode: 'ccas',
      dueAt: due(9),
    });
    ids['mairieOwnedAssignedToAgent'] = await seedQueueDossier(db, mairieWorld, {
      state: 'depose',
      unitCode: 'ccas',
      assigneeId: agent.id,
      dueAt: due(10),
    });
  });

  const mine = async (viewer: QueueViewer, limit = 100) => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await listMyTasks(
        { db: database().db, viewer, now },
        myTasksInput.parse({ limit, ...(cursor ? { cursor } : {}) }),
      );
      if (!result.ok) throw new Error(result.error.message);
      names.push(
        ...result.value.items.map(
          (item) => Object.keys(ids).find((name) => item.id.endsWith(ids[name]!)) ?? item.id,
        ),
      );
      cursor = result.value.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return names;
  };

  it('lists the agent’s work, soonest due first: theirs, and unassigned work of their units', async () => {
    const expected = [
      'mineInInstruction',
      'deposeCcas',
      'deposeUnrouted',
      'tableTask',
      'mairieOwnedAssignedToAgent',
      'deposeFamillesNoDue',
    ];
    expect(await mine(queueViewers(world).agent)).toEqual(expected);
    // The same list, one row per page: the keyset crosses both sources and the null due dates.
    expect(await mine(queueViewers(world).agent, 1)).toEqual(expected);
  });

  it('gives a state owned by a unit to that unit’s agents, whatever the dossier’s unit', async () => {
    expect(await mine(queueViewers(world).agentMairie)).toEqual([
      'callBackTask',
      'othersInInstruction',
      'deposeMairie',
      'deposeUnrouted',
      'mairieOwnedInCcas',
    ]);
  });

  it('gives roles no state is owned by only the unassigned task rows of their units', async () => {
    expect(await mine(queueViewers(world).supervisor)).toEqual(['tableTask']);
    expect(await mine(queueViewers(world).admin)).toEqual(['tableTask']);
  });

  it('carries the dossier and the transitions to fire with dossiers.act', async () => {
    const result = await listMyTasks(
      { db: database().db, viewer: queueViewers(world).agent, now },
      myTasksInput.parse({ limit: 2 }),
    );
    expect(result.ok && result.value.items).toEqual([
      expect.objectContaining({
        id: `dossier:${ids['mineInInstruction']}`,
        source: 'dossier',
        dossierId: ids['mineInInstruction'],
        title: expect.stringMatching(/^AIDE-2026-\d{6} — En instruction$/),
        stateLabel: 'En instruction',
        demarcheTitle: 'Demande d’aide sociale',
        dueAt: '2026-03-03T09:00:00.000Z',
        overdue: true,
        actions: [
          {
            transition: 'demander_complement',
            label: 'Demander un complément',
            to: 'complement',
            blocked: false,
          },
          { transition: 'accepter', label: 'Accepter', to: 'accepte', blocked: true },
          { transition: 'refuser', label: 'Refuser', to: 'refuse', blocked: false },
        ],
      }),
      expect.objectContaining({
        id: `dossier:${ids['deposeCcas']}`,
        actions: [
          {
            transition: 'prendre_en_charge',
            label: 'Prendre en charge',
            to: 'en_instruction',
            blocked: false,
          },
        ],
      }),
    ]);
  });

  it('refuses a forged cursor as INVALID_INPUT', async () => {
    const result = await listMyTasks(
      { db: database().db, viewer: queueViewers(world).agent, now },
      myTasksInput.parse({ cursor: 'eyJ2IjoxfQ' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
