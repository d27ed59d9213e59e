import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, units } from '../../db/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce } from '../testing/atOnce.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import { DEMO_TENANT, DEMO_UNITS, seedDemo } from './seedDemo.ts';

// Processes are stateless and may start side by side on one fresh database: each found no
// demo tenant, and the second insert broke `tenants_slug_key`, so that process died at
// start. The key now lets one seed it; the other starts on what it wrote. On PostgreSQL
// both seeds are held past their look-up until both wait to insert (`atOnce`).

for (const driver of testDrivers()) {
  describe(`seedDemo from two processes starting at once [${driver}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ driver });
    });
    afterAll(() => server?.close());

    it('one seeds the demo tenant, the other finds it: one tenant, one unit tree', async () => {
      const seed = () => seedDemo(server.database.db);

      const settled = await atOnce(server, { driver, lock: ['tenants'] }, [seed, seed]);

      expect(settled.map((one) => one.kind)).toEqual(['answered', 'answered']);
      const seeded = settled.map((one) => (one as { value: boolean }).value);
      expect(seeded.sort()).toEqual([false, true]);
      const demo = await server.ownerDatabase.db
        .select({ id: tenants.id })
        .from(tenants)
        .where(eq(tenants.slug, DEMO_TENANT));
      expect(demo).toHaveLength(1);
      const tree = await server.ownerDatabase.db
        .select({ code: units.code })
        .from(units)
        .where(eq(units.tenantId, demo[0]!.id));
      expect(tree).toHaveLength(DEMO_UNITS.length);
    });
  });
}
