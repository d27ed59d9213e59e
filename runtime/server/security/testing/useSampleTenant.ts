import { afterAll, beforeAll } from 'vitest';
import {
  type DossierServer,
  startDossierServer,
} from '../../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../../testing/seedTenant.ts';
import { type Callers, signInCallers } from './callers.ts';
import { buildSampleWorld, type SampleWorld } from './sampleWorld.ts';

export interface SampleTenant {
  server: DossierServer;
  tenant: SeededTenant;
  callers: Callers;
  world: SampleWorld;
}

/**
 * Registers the file's server with one seeded tenant, every caller signed in and the
 * sample world built through the API; the getter returns them inside tests.
 *
 * @example
 * const sample = useSampleTenant();
 * it('…', async () => { const { callers, world } = sample(); });
 */
export function useSampleTenant(): () => SampleTenant {
  let ready: SampleTenant | undefined;
  beforeAll(async () => {
    const server = await startDossierServer();
    const tenant = await seedTenant(server.database.db);
    const callers = await signInCallers(server, tenant);
    ready = { server, tenant, callers, world: await buildSampleWorld(tenant, callers) };
  });
  afterAll(() => ready?.server.close());
  return () => {
    if (!ready) throw new Error('useSampleTenant: ready only inside tests');
    return ready;
  };
}
