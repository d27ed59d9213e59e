import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dossiers } from '../schema/dossiers.ts';
import { units } from '../schema/tenants.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { seedDossier, seedTenant } from '../testing/seedTenant.ts';
import { MissingTenantError, tenantScope } from './tenantScope.ts';

describe('tenantScope', () => {
  it.each([undefined, null, '', '   ', 'not-a-uuid', "' or 1=1 --"])(
    'refuses to exist without a valid tenant id (%j)',
    (tenantId) => {
      expect(() => tenantScope(tenantId)).toThrow(MissingTenantError);
    },
  );

  it('sets the tenant on inserted rows, over whatever the caller put there', () => {
    const scope = tenantScope('0B6E1D8C-3C1F-4D0A-9A55-2B8E9A7C6D5E');
    expect(scope.values({ code: 'X', tenantId: 'someone-else' })).toEqual({
      code: 'X',
      tenantId: '0b6e1d8c-3c1f-4d0a-9a55-2b8e9a7c6d5e',
    });
  });
});

describeOnEachDriver('tenant-scoped queries', (database) => {
  it('see only their own tenant’s rows, even when the id belongs to another tenant', async () => {
    const { db } = database();
    const a = await seedTenant(db);
    const b = await seedTenant(db);
    const dossierOfB = await seedDossier(db, b);
    await seedDossier(db, a);

    const scopeA = tenantScope(a.tenantId);
    const visibleToA = await db.select().from(dossiers).where(scopeA.where(dossiers));
    expect(visibleToA.every((row) => row.tenantId === a.tenantId)).toBe(true);
    expect(visibleToA).toHaveLength(1);

    // Tenant A guessing tenant B's id finds nothing, as for a random id.
    const guessed = await db
      .select()
      .from(dossiers)
      .where(scopeA.where(dossiers, eq(dossiers.id, dossierOfB)));
    expect(guessed).toEqual([]);
    const updated = await db
      .update(dossiers)
      .set({ state: 'forged' })
      .where(scopeA.where(dossiers, eq(dossiers.id, dossierOfB)))
      .returning();
    expect(updated).toEqual([]);
  });

  it('insert into the scope’s tenant', async () => {
    const { db } = database();
    const a = await seedTenant(db);
    const scope = tenantScope(a.tenantId);
    await db.insert(units).values(scope.values({ code: 'SCOPED', name: 'Scoped' }));
    const [row] = await db
      .select()
      .from(units)
      .where(scope.where(units, eq(units.code, 'SCOPED')));
    expect(row?.tenantId).toBe(a.tenantId);
  });
});
