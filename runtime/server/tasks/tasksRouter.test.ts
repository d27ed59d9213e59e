import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

let server: DossierServer;
let world: SeededTenant;
let citizen: TestClient;
let dossierId: string;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db);
  citizen = await server.signIn(world, 'citizen');
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 0 });
  await citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });
  dossierId = id;
});
afterAll(() => server.close());

describe('tasks.mine over HTTP', () => {
  it('hands the agent a new dossier with its due date and the action to take, fired through dossiers.act', async () => {
    const agent = await server.signIn(world, 'agent');
    const { items, nextCursor } = await agent.trpc.tasks.mine.query();
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({
        id: `dossier:${dossierId}`,
        source: 'dossier',
        dossierId,
        stateLabel: 'Déposé',
        assigneeId: null,
        dueAt: '2026-03-07T09:00:00.000Z',
        overdue: false,
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
    const [task] = items;
    await agent.trpc.dossiers.act.mutate({
      id: task!.dossierId,
      transition: task!.actions[0]!.transition,
      revision: task!.revision,
    });
    const after = await agent.trpc.tasks.mine.query({});
    expect(after.items).toEqual([
      expect.objectContaining({
        dossierId,
        state: 'en_instruction',
        assigneeId: world.accounts.agent.id,
      }),
    ]);
    // Taken in charge by the agent: no longer anybody else's task.
    const mairie = await server.signIn(world, 'agentMairie');
    expect((await mairie.trpc.tasks.mine.query()).items).toEqual([]);
  });

  it('refuses citizens, anonymous callers and unknown keys', async () => {
    expect((await rejection(citizen.trpc.tasks.mine.query())).code).toBe('FORBIDDEN');
    expect((await rejection(server.client().trpc.tasks.mine.query())).code).toBe('UNAUTHORIZED');
    const agent = await server.signIn(world, 'agent');
    expect(
      (await rejection(agent.trpc.tasks.mine.query({ userId: world.accounts.admin.id } as never)))
        .code,
    ).toBe('BAD_REQUEST');
  });
});
