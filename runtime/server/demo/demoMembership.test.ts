import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import type { TestClient } from '../testing/testClient.ts';
import { DEMO_PASSWORD, DEMO_TENANT, seedDemo } from './seedDemo.ts';
import { templateSample } from './testing/templateSample.ts';

// The union-membership template as the demo tenant runs it, through the API: a citizen
// joins, the dossier reaches the local union of their sector and workplace, whose agent
// validates it; the commune's agent never sees it.
let server: TestServer;

async function signIn(email: string, ip: string): Promise<TestClient> {
  const client = server.client({ ip });
  await client.trpc.auth.login.mutate({ tenant: DEMO_TENANT, email, password: DEMO_PASSWORD });
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.database.db);
});
afterAll(() => server?.close());

describe('the demo tenant’s union membership', () => {
  it('routes a new member to their local union, which validates the membership', async () => {
    const citizen = await signIn('citoyen@demo.guichet.localhost', '127.0.0.61');
    const union = await signIn('syndicat@demo.guichet.localhost', '127.0.0.62');
    const commune = await signIn('agent@demo.guichet.localhost', '127.0.0.63');

    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'adhesion-syndicale' });
    const saved = await citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: templateSample('adhesion-syndicale'),
      revision: 0,
    });
    const sent = await citizen.trpc.dossiers.submit.mutate({
      id,
      transition: 'deposer',
      revision: saved.revision,
      idempotencyKey: randomUUID(),
    });
    expect(sent).toMatchObject({ state: 'deposee', unitCode: 'ul-lyon-sante' });
    // The dues the server worked out from the salary, stored with the submission.
    const seen = await union.trpc.dossiers.get.query({ id });
    expect(seen.data).toMatchObject({ salaireNetMensuel: 2150, cotisationMensuelle: 21.5 });

    const queue = await union.trpc.queues.list.query({ states: ['deposee'] });
    expect(queue.items.map((item) => item.id)).toContain(id);
    const communeQueue = await commune.trpc.queues.list.query({ states: ['deposee'] });
    expect(communeQueue.items.map((item) => item.id)).not.toContain(id);

    const refused = await commune.trpc.dossiers.act
      .mutate({ id, transition: 'valider', revision: sent.revision })
      .then(
        () => 'accepted',
        (error: { data?: { code?: string } }) => error.data?.code,
      );
    expect(refused).toBe('NOT_FOUND');
    const valid = await union.trpc.dossiers.act.mutate({
      id,
      transition: 'valider',
      revision: sent.revision,
    });
    expect(valid).toMatchObject({ state: 'adherent_actif', unitCode: 'ul-lyon-sante' });
  });
});
