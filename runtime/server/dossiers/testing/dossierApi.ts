import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { dossiers } from '../../../db/index.ts';
import { type SeededTenant, seedTenant } from '../../testing/seedTenant.ts';
import type { TestClient } from '../../testing/testClient.ts';
import { VALID_SOCIAL_AID } from './dossierTestKit.ts';
import { type DossierServer, startDossierServer } from './startDossierServer.ts';

type SubmitResult = Awaited<ReturnType<TestClient['trpc']['dossiers']['submit']['mutate']>>;

export interface DossierApi {
  server: DossierServer;
  world: SeededTenant;
  citizen: TestClient;
  agent: TestClient;
  /** A submitted dossier of the citizen holding `data`, at revision 2. */
  submittedDossier(data?: Record<string, unknown>): Promise<SubmitResult>;
  /** The dossier's row as stored. */
  storedRow(id: string): Promise<typeof dossiers.$inferSelect>;
}

/**
 * Registers the file's server, seeded tenant and signed-in citizen and agent (one per
 * test file: the database takes seconds to open) and returns them once `beforeAll` ran.
 *
 * @example
 * const api = useDossierApi();
 * it('…', async () => { const submitted = await api().submittedDossier(); });
 */
export function useDossierApi(): () => DossierApi {
  let api: DossierApi | undefined;
  beforeAll(async () => {
    const server = await startDossierServer();
    const world = await seedTenant(server.database.db);
    const citizen = await server.signIn(world, 'citizen');
    const agent = await server.signIn(world, 'agent');
    api = {
      server,
      world,
      citizen,
      agent,
      async submittedDossier(data = VALID_SOCIAL_AID) {
        const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
        await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
        return citizen.trpc.dossiers.submit.mutate({
          id,
          transition: 'deposer',
          revision: 1,
          idempotencyKey: randomUUID(),
        });
      },
      async storedRow(id) {
        const [row] = await server.database.db.select().from(dossiers).where(eq(dossiers.id, id));
        return row!;
      },
    };
  });
  afterAll(() => api?.server.close());
  return () => {
    if (!api) throw new Error('useDossierApi: the world is ready only inside tests');
    return api;
  };
}
