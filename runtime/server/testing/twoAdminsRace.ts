import { afterAll, beforeAll } from 'vitest';
import type { DriverKind } from '../../db/types.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from './seedTenant.ts';

/** What a race test between two admins of one tenant works with. */
export interface TwoAdminsRace {
  readonly server: DossierServer;
  readonly tenant: SeededTenant;
  /** Two sessions of the tenant's admin: two tabs, or two admins, acting at once. */
  adminTabs(): Promise<[TestClient, TestClient]>;
}

type TestClient = Awaited<ReturnType<DossierServer['signIn']>>;

/**
 * Inside a `describe`: a dossier server on `driver` with one seeded tenant, started
 * before its tests and closed after them, for the races `atOnce` makes between two of the
 * tenant's admins.
 *
 * @example
 * const race = twoAdminsRace(driver);
 * it('…', async () => { const [tab1, tab2] = await race.adminTabs(); … });
 */
export function twoAdminsRace(driver: DriverKind): TwoAdminsRace {
  let server: DossierServer | undefined;
  let tenant: SeededTenant | undefined;
  beforeAll(async () => {
    server = await startDossierServer({ driver });
    tenant = await seedTenant(server.database.db);
  });
  afterAll(() => server?.close());
  const started = () => {
    if (!server || !tenant) throw new Error('twoAdminsRace: used outside its describe’s tests');
    return { server, tenant };
  };
  return {
    get server() {
      return started().server;
    },
    get tenant() {
      return started().tenant;
    },
    async adminTabs() {
      const { server, tenant } = started();
      return [await server.signIn(tenant, 'admin'), await server.signIn(tenant, 'admin')];
    },
  };
}
