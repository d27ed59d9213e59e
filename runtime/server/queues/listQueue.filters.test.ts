import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import { type QueueListInput, queueListInput } from './queueInput.ts';
import type { QueueViewer } from './queueViewer.ts';
import { queueViewers } from './testing/queueViewers.ts';
import { seedQueueDossier } from './testing/seedQueueDossier.ts';

const now = new Date('2026-03-10T12:00:00Z');

describeOnEachDriver('queues: filters narrow the list', (database) => {
  let world: SeededTenant;
  let other: SeededTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = database();
    world = await seedTenant(db);
    other = await seedTenant(db);
    const { agent } = world.accounts;
    const seeds = {
      draft: { state: 'brouillon', reference: null, unitCode: null },
      deposeCcas: {
        state: 'depose',
        unitCode: 'ccas',
        dueAt: '2026-03-12T00:00:00Z',
        data: { nom: 'Éloïse Dupont', commune: '75056', enfants: 2 },
      },
      deposeFamilles: {
        state: 'depose',
        unitCode: 'ccas-familles',
        dueAt: '2026-03-01T00:00:00Z',
        priority: 3,
        data: { nom: 'Martin', commune: '69123', enfants: 2 },
      },
      instructionMine: {
        state: 'en_instruction',
        unitCode: 'ccas',
        assigneeId: agent.id,
        dueAt: '2026-03-09T00:00:00Z',
        priority: 2,
        data: { nom: 'Jean-Pierre Léger', commune: '75056', urgent: true },
      },
      instructionMairie: {
        state: 'en_instruction',
        unitCode: 'mairie',
        dueAt: null,
        priority: 0,
        data: { nom: 'Dupontel', commune: '13055' },
      },
      unrouted: {
        state: 'depose',
        unitCode: null,
        dueAt: '2026-04-01T00:00:00Z',
        data: { nom: 'Sans unité' },
      },
      accepted: {
        state: 'accepte',
        unitCode: 'ccas',
        dueAt: null,
        data: { nom: 'Dupont Accepté' },
      },
    } as const;
    for (const [name, seed] of Object.entries(seeds))
      ids[name] = await seedQueueDossier(db, world, seed);
    // Same data and unit codes in another tenant: nothing of it may ever show.
    ids['otherTenant'] = await seedQueueDossier(db, other, {
      state: 'depose',
      unitCode: 'ccas',
      data: { nom: 'Éloïse Dupont', commune: '75056' },
    });
  });

  const list = async (
    input: Partial<QueueListInput> = {},
    viewer: QueueViewer = queueViewers(world).admin,
  ) => {
    const ctx: QueueServiceContext = { db: database().db, viewer, now };
    const result = await listQueue(ctx, queueListInput.parse({ ...input, limit: 100 }));
    if (!result.ok) throw new Error(result.error.message);
    return result.value.items;
  };
  const names = (items: Array<{ id: string }>) =>
    items.map((item) => Object.keys(ids).find((name) => ids[name] === item.id) ?? item.id).sort();

  it('lists every submitted dossier of the tenant to an admin, never drafts nor another tenant', async () => {
    expect(names(await list())).toEqual([
      'accepted',
      'deposeCcas',
      'deposeFamilles',
      'instructionMairie',
      'instructionMine',
      'unrouted',
    ]);
  });

  it('shows agents their covered units and unrouted dossiers only', async () => {
    const viewers = queueViewers(world);
    expect(names(await list({}, viewers.agent))).toEqual([
      'accepted',
      'deposeCcas',
      'deposeFamilles',
      'instructionMine',
      'unrouted',
    ]);
    expect(names(await list({}, viewers.agentMairie))).toEqual(['instructionMairie', 'unrouted']);
    // The other tenant's agent, same unit code `ccas`, sees only its own tenant.
    expect(names(await list({}, queueViewers(other).agent))).toEqual(['otherTenant']);
  });

  it.each([
    [{ states: ['depose'] }, ['deposeCcas', 'deposeFamilles', 'unrouted']],
    [{ states: ['depose', 'accepte'] }, ['accepted', 'deposeCcas', 'deposeFamilles', 'unrouted']],
    [{ unit: 'ccas-familles' }, ['deposeFamilles']],
    [{ assignee: 'none', states: ['en_instruction'] }, ['instructionMairie']],
    [{ dueBefore: '2026-03-10T00:00:00Z' }, ['deposeFamilles', 'instructionMine']],
    [{ overdue: true }, ['deposeFamilles', 'instructionMine']],
    [{ overdue: false }, ['accepted', 'deposeCcas', 'instructionMairie', 'unrouted']],
    [{ priority: ['urgent', 'high'] }, ['deposeFamilles', 'instructionMine']],
    [{ priority: ['low'] }, ['instructionMairie']],
    [{ text: 'eloise' }, ['deposeCcas']],
    [{ text: 'DUPONT' }, ['accepted', 'deposeCcas', 'instructionMairie']],
    [{ text: 'dupont acc' }, ['accepted']],
    [{ text: 'jean-pierre leger' }, ['instructionMine']],
    [{ text: 'zzz' }, []],
    [
      { text: '  ' },
      [
        'accepted',
        'deposeCcas',
        'deposeFamilles',
        'instructionMairie',
        'instructionMine',
        'unrouted',
      ],
    ],
    [{ fields: { commune: '75056' } }, ['deposeCcas', 'instructionMine']],
    [{ fields: { commune: '75056', enfants: 2 } }, ['deposeCcas']],
    [{ fields: { urgent: true } }, ['instructionMine']],
    [{ fields: { enfants: '2' } }, []],
    [
      { states: ['depose'], fields: { commune: '69123' }, priority: ['urgent'], overdue: true },
      ['deposeFamilles'],
    ],
  ] as Array<[Partial<QueueListInput>, string[]]>)('filter %j', async (input, expected) => {
    expect(names(await list(input))).toEqual(expected);
  });

  it('filters on a given démarche and assignee', async () => {
    expect(names(await list({ demarcheId: world.demarche.id, states: ['accepte'] }))).toEqual([
      'accepted',
    ]);
    expect(names(await list({ demarcheId: other.demarche.id }))).toEqual([]);
    expect(names(await list({ assignee: world.accounts.agent.id }))).toEqual(['instructionMine']);
    expect(names(await list({ assignee: 'me' }, queueViewers(world).agent))).toEqual([
      'instructionMine',
    ]);
    expect(names(await list({ assignee: 'me' }))).toEqual([]);
  });

  it('describes each item for the back office', async () => {
    const [item] = await list({ unit: 'ccas-familles' });
    expect(item).toMatchObject({
      id: ids['deposeFamilles'],
      reference: expect.stringMatching(/^AIDE-2026-\d{6}$/),
      demarcheId: world.demarche.id,
      demarcheTitle: 'Demande d’aide sociale',
      state: 'depose',
      stateLabel: 'Déposé',
      unit: 'ccas-familles',
      assigneeId: null,
      priority: 'urgent',
      dueAt: '2026-03-01T00:00:00.000Z',
      overdue: true,
      applicantName: 'Claire Citoyenne',
    });
  });
});
