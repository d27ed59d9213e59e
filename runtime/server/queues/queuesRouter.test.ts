import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { encodeCursor } from './queueCursor.ts';

let server: DossierServer;
let world: SeededTenant;
let other: SeededTenant;
let citizen: TestClient;
const submitted: Array<{ id: string; reference: string }> = [];

/** A dossier submitted by the citizen through the API: numbered, routed by the démarche. */
async function submit(data: Record<string, unknown>) {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
  const done = await citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });
  server.clock.advance(60_000);
  return { id, reference: done.reference as string };
}

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db);
  other = await seedTenant(server.database.db);
  citizen = await server.signIn(world, 'citizen');
  submitted.push(await submit({ ...VALID_SOCIAL_AID, nom: 'Lefèvre' }));
  submitted.push(
    await submit({ ...VALID_SOCIAL_AID, nom: 'Dupont', situation: 'couple', conjoint: 'Marc' }),
  );
  submitted.push(await submit({ ...VALID_SOCIAL_AID, nom: 'Dupuis' }));
  // A draft: never in a queue.
  await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
});
afterAll(() => server.close());

describe('queues.list over HTTP', () => {
  it('pages an agent’s queue newest first, with an opaque cursor', async () => {
    const agent = await server.signIn(world, 'agent');
    const first = await agent.trpc.queues.list.query({ states: ['depose'], limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([submitted[2]!.id, submitted[1]!.id]);
    expect(first.items[1]).toMatchObject({
      reference: submitted[1]!.reference,
      unit: 'ccas-familles',
      stateLabel: 'Déposé',
    });
    const second = await agent.trpc.queues.list.query({
      states: ['depose'],
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second).toMatchObject({ items: [{ id: submitted[0]!.id }], nextCursor: null });
  });

  it('filters by accent-insensitive prefix text and by form field', async () => {
    const admin = await server.signIn(world, 'admin');
    const byText = await admin.trpc.queues.list.query({ text: 'lefev' });
    expect(byText.items.map((item) => item.id)).toEqual([submitted[0]!.id]);
    const byField = await admin.trpc.queues.list.query({ fields: { situation: 'couple' } });
    expect(byField.items.map((item) => item.id)).toEqual([submitted[1]!.id]);
  });

  it('hides dossiers of units the agent does not cover, and every other tenant’s', async () => {
    const mairie = await server.signIn(world, 'agentMairie');
    expect((await mairie.trpc.queues.list.query({})).items).toEqual([]);
    const outsider = await server.signIn(other, 'admin');
    expect((await outsider.trpc.queues.list.query({})).items).toEqual([]);
    expect(await outsider.trpc.queues.counts.query()).toEqual([
      expect.objectContaining({ state: 'depose', count: 0 }),
      ...Array(5).fill(expect.objectContaining({ count: 0 })),
    ]);
  });

  it('answers a forged cursor with BAD_REQUEST and a French message, never a SQL error', async () => {
    const agent = await server.signIn(world, 'agent');
    const forged = encodeCursor({
      sort: 'createdAt',
      direction: 'desc',
      key: ["2026-03-02'); drop table dossiers; --"],
      id: randomUUID(),
    });
    for (const cursor of ['n’importe quoi', forged, 'eyJ2IjoxfQ']) {
      const refused = await rejection(agent.trpc.queues.list.query({ cursor }));
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
      expect(refused.message).toMatch(/curseur de pagination est invalide/);
    }
  });

  it('refuses unknown input keys, citizens and anonymous callers', async () => {
    const agent = await server.signIn(world, 'agent');
    const extra = await rejection(
      agent.trpc.queues.list.query({ tenantId: other.tenantId } as never),
    );
    expect(extra.code).toBe('BAD_REQUEST');
    expect((await rejection(citizen.trpc.queues.list.query({}))).code).toBe('FORBIDDEN');
    expect((await rejection(server.client().trpc.queues.counts.query())).code).toBe('UNAUTHORIZED');
  });
});

describe('queues.counts over HTTP', () => {
  it('counts the tabs an agent sees', async () => {
    const agent = await server.signIn(world, 'agent');
    const tabs = await agent.trpc.queues.counts.query({ demarcheId: world.demarche.id });
    expect(tabs.map((tab) => [tab.state, tab.count])).toEqual([
      ['depose', 3],
      ['en_instruction', 0],
      ['complement', 0],
      ['accepte', 0],
      ['refuse', 0],
      ['retire', 0],
    ]);
    const familles = await agent.trpc.queues.counts.query({ unit: 'ccas-familles' });
    expect(familles[0]).toEqual({
      demarcheId: world.demarche.id,
      demarcheTitle: 'Demande d’aide sociale',
      state: 'depose',
      label: 'Déposé',
      kind: 'active',
      count: 1,
      mine: 0,
      unassigned: 1,
      overdue: 0,
    });
  });
});
