import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, demarcheVersions } from '../../db/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce } from '../testing/atOnce.ts';
import { twoAdminsRace } from '../testing/twoAdminsRace.ts';

// Two publishes of one draft at the same moment (two tabs, two admins): both found the
// same latest version and took the same next number; the version's key let one in and
// the other read « Une autre publication … vient d'avoir lieu », where one after the other
// it reads that the draft is already published. Publishes of one démarche now take turns,
// so the second answers exactly that. On PostgreSQL both are held until both wait
// (`atOnce`); PGlite runs them one after the other.

for (const driver of testDrivers()) {
  describe(`demarches.publish of one draft at the same moment [${driver}]`, () => {
    const race = twoAdminsRace(driver);

    it('one publishes version 1, the other gets the already-published CONFLICT, unaudited', async () => {
      const [tab1, tab2] = await race.adminTabs();
      const { server, tenant } = race;
      const created = await tab1.trpc.demarches.create.mutate({
        slug: 'carte-resident',
        title: 'Carte de résident',
      });
      const publish = (client: typeof tab1) => () =>
        client.trpc.demarches.publish.mutate({ id: created.id, revision: created.draftRevision });

      const settled = await atOnce(server, { driver, lock: ['demarche_versions'] }, [
        publish(tab1),
        publish(tab2),
      ]);

      expect(settled.map((one) => one.kind).sort()).toEqual(['answered', 'refused']);
      expect(settled.find((one) => one.kind === 'answered')).toMatchObject({
        value: { version: 1 },
      });
      expect(settled.find((one) => one.kind === 'refused')).toMatchObject({
        rejection: {
          code: 'CONFLICT',
          httpStatus: 409,
          domainCode: 'ALREADY_PUBLISHED',
          message: 'Ce brouillon est identique à la version 1, déjà publiée.',
        },
      });
      const versions = await server.ownerDatabase.db
        .select({ version: demarcheVersions.version })
        .from(demarcheVersions)
        .where(
          and(
            eq(demarcheVersions.tenantId, tenant.tenantId),
            eq(demarcheVersions.demarcheId, created.id),
          ),
        );
      expect(versions).toEqual([{ version: 1 }]);
      const audited = await server.ownerDatabase.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(
          and(eq(auditLog.tenantId, tenant.tenantId), eq(auditLog.action, 'demarche.publish')),
        );
      expect(audited).toHaveLength(1);
    });
  });
}
