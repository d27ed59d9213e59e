import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, demarches } from '../../db/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce } from '../testing/atOnce.ts';
import { twoAdminsRace } from '../testing/twoAdminsRace.ts';

// Two admins creating one slug at the same moment: the unique key
// `demarches_tenant_slug_key` decides (createDemarche has no look-up before its insert),
// and the loser reads the refusal a later creation gets, with nothing written. On
// PostgreSQL both are held until both wait to insert (`atOnce`); PGlite runs them in turn.

for (const driver of testDrivers()) {
  describe(`demarches.create of one slug at the same moment [${driver}]`, () => {
    const race = twoAdminsRace(driver);

    it('one démarche is created, the other admin gets CONFLICT with the slug’s message, unaudited', async () => {
      const [tab1, tab2] = await race.adminTabs();
      const { server, tenant } = race;
      const create = (client: typeof tab1, title: string) => () =>
        client.trpc.demarches.create.mutate({ slug: 'carte-resident', title });

      const settled = await atOnce(server, { driver, lock: ['demarches'] }, [
        create(tab1, 'Carte de résident'),
        create(tab2, 'Carte de résident (bis)'),
      ]);

      expect(settled.map((one) => one.kind).sort()).toEqual(['answered', 'refused']);
      const message = 'L’identifiant « carte-resident » est déjà utilisé par une autre démarche.';
      expect(settled.find((one) => one.kind === 'refused')).toEqual({
        kind: 'refused',
        rejection: {
          code: 'CONFLICT',
          httpStatus: 409,
          domainCode: 'SLUG_TAKEN',
          message,
          fieldErrors: { slug: [message] },
          details: null,
        },
      });
      const stored = await server.ownerDatabase.db
        .select({ id: demarches.id })
        .from(demarches)
        .where(and(eq(demarches.tenantId, tenant.tenantId), eq(demarches.slug, 'carte-resident')));
      expect(stored).toHaveLength(1);
      const audited = await server.ownerDatabase.db
        .select({ object: auditLog.object })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenant.tenantId), eq(auditLog.action, 'demarche.create')));
      expect(audited).toEqual([{ object: expect.stringContaining(stored[0]!.id) }]);
    });
  });
}
