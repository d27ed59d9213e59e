import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, units } from '../../db/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce } from '../testing/atOnce.ts';
import { twoAdminsRace } from '../testing/twoAdminsRace.ts';

// Two admins creating one unit code at the same moment: the writes to a tenant's tree
// take turns (`lockTree`), and the insert does nothing on `units_tenant_code_key`, so the
// second gets the refusal a later creation gets, with nothing written. On PostgreSQL both
// are held until both wait (`atOnce`); PGlite runs them in turn.

for (const driver of testDrivers()) {
  describe(`units.create of one code at the same moment [${driver}]`, () => {
    const race = twoAdminsRace(driver);

    it('one unit is created, the other admin gets CONFLICT with the code’s message, unaudited', async () => {
      const [tab1, tab2] = await race.adminTabs();
      const { server, tenant } = race;
      const create = (client: typeof tab1, name: string) => () =>
        client.trpc.units.create.mutate({ code: 'pole-seniors', name, parentId: null });

      const settled = await atOnce(server, { driver, lock: ['units'] }, [
        create(tab1, 'Pôle seniors'),
        create(tab2, 'Pôle des seniors'),
      ]);

      expect(settled.map((one) => one.kind).sort()).toEqual(['answered', 'refused']);
      expect(settled.find((one) => one.kind === 'refused')).toEqual({
        kind: 'refused',
        rejection: {
          code: 'CONFLICT',
          httpStatus: 409,
          domainCode: 'UNIT_CODE_TAKEN',
          message: 'Le code « pole-seniors » est déjà utilisé par un autre service.',
          fieldErrors: { code: ['Ce code est déjà utilisé.'] },
          details: null,
        },
      });
      const stored = await server.ownerDatabase.db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.tenantId, tenant.tenantId), eq(units.code, 'pole-seniors')));
      expect(stored).toHaveLength(1);
      const audited = await server.ownerDatabase.db
        .select({ object: auditLog.object })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenant.tenantId), eq(auditLog.action, 'unit.created')));
      expect(audited).toHaveLength(1);
    });
  });
}
