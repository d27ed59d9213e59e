import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing/index.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { atOnce } from '../testing/atOnce.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';

// Two saves of the collectivité's settings at once (two admins, two tabs) took turns on
// the tenant's row, but each had read its « before » ahead of the turn: the audit showed
// both changing the same old values, and the first change vanished from the trail. The
// « before » is now read once the row is held. On PostgreSQL both saves are held until
// both wait (`atOnce`); PGlite runs them one after the other.

for (const driver of testDrivers()) {
  describe(`tenant.updateSettings from two tabs at once [${driver}]`, () => {
    let server: DossierServer;
    let tenant: SeededTenant;

    beforeAll(async () => {
      server = await startDossierServer({ driver });
      tenant = await seedTenant(server.database.db);
    });
    afterAll(() => server?.close());

    /** The audit entries of settings changes, oldest first, read as the owner. */
    async function settingsChanges(): Promise<{ before: unknown; after: unknown }[]> {
      const { rows } = await server.ownerDatabase.executeSql(
        `select details from audit_log
          where tenant_id = $1 and action = 'tenant.settings_changed' order by id`,
        [tenant.tenantId],
      );
      return (rows as { details: { before: unknown; after: unknown } }[]).map((row) => row.details);
    }

    it('the audit chains the two changes: the second’s before is the first’s after', async () => {
      const [tab1, tab2] = [
        await server.signIn(tenant, 'admin'),
        await server.signIn(tenant, 'admin'),
      ];
      const save = (client: typeof tab1, phone: string) => () =>
        client.trpc.tenant.updateSettings.mutate({ contact: { phone }, theme: {} });

      const settled = await atOnce(server, { driver, lock: ['tenants'] }, [
        save(tab1, '01 11 11 11 11'),
        save(tab2, '02 22 22 22 22'),
      ]);

      expect(settled.map((one) => one.kind)).toEqual(['answered', 'answered']);
      const changes = await settingsChanges();
      expect(changes).toHaveLength(2);
      const [first, second] = changes;
      expect(first!.before).toMatchObject({ contact: {} });
      expect(second!.before).toEqual(first!.after);
      expect(second!.after).not.toEqual(first!.after);
      const shown = await server.client().trpc.tenant.publicTheme.query({ tenant: tenant.slug });
      expect(shown?.contact).toEqual((second!.after as { contact: unknown }).contact);
    });
  });
}
