import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import {
  type DossierServer,
  startDossierServer,
} from '../../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../../testing/seedTenant.ts';
import type { TestClient } from '../../testing/testClient.ts';
import { definitionWithFileFields } from './attachmentFixtures.ts';

/** A real server with a tenant whose démarche has file fields, and one citizen. */
class FileFieldDossiers {
  server!: DossierServer;
  world!: SeededTenant;
  citizen!: TestClient;

  newDraft = async (): Promise<string> =>
    (await this.citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' })).id;

  save = (id: string, data: Record<string, unknown>, revision = 0) =>
    this.citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision });

  submit = (id: string, revision: number) =>
    this.citizen.trpc.dossiers.submit.mutate({
      id,
      transition: 'deposer',
      revision,
      idempotencyKey: randomUUID(),
    });
}

/**
 * Starts the server before the file's tests and closes it after; the members are set in
 * `beforeAll`, so read them inside tests.
 *
 * @example
 * const kit = useFileFieldDossiers();
 * it('…', async () => { const id = await kit.newDraft(); … });
 */
export function useFileFieldDossiers(): FileFieldDossiers {
  const kit = new FileFieldDossiers();
  beforeAll(async () => {
    kit.server = await startDossierServer();
    kit.world = await seedTenant(kit.server.database.db, { definition: definitionWithFileFields });
    kit.citizen = await kit.server.signIn(kit.world, 'citizen');
  });
  afterAll(() => kit.server.close());
  return kit;
}
