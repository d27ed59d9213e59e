import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Unlisten, units } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { createUnitCatalog, UNIT_CATALOG_TTL_MS } from './unitCatalog.ts';

describeOnEachDriver('unit catalog', (database) => {
  let world: SeededTenant;
  let clockMs = Date.parse('2026-03-02T09:00:00Z');
  const listening = createUnitCatalog({ clock: () => clockMs });
  let unlisten: Unlisten;

  beforeAll(async () => {
    world = await seedTenant(database().db);
    unlisten = await listening.listen(database());
  });
  afterAll(() => unlisten());

  const addUnit = (code: string) =>
    database().db.insert(units).values({ tenantId: world.tenantId, code, name: code });
  const has = (code: string, catalog = listening) =>
    catalog.has(database().db, world.tenantId, code);

  it('asks the database every time until it listens', async () => {
    const catalog = createUnitCatalog();
    expect(await has('ccas', catalog)).toBe(true);
    expect(await has('ecoles', catalog)).toBe(false);
    await addUnit('ecoles');
    expect(await has('ecoles', catalog)).toBe(true);
  });

  it('answers per tenant: another tenant’s codes are not this one’s', async () => {
    const other = await seedTenant(database().db);
    await database()
      .db.insert(units)
      .values({ tenantId: other.tenantId, code: 'voirie', name: 'Voirie' });
    expect(await has('voirie')).toBe(false);
    expect(await listening.has(database().db, other.tenantId, 'voirie')).toBe(true);
  });

  it('forgets a tenant’s codes when its tree changes, whoever changes it', async () => {
    expect(await has('sports')).toBe(false);
    await addUnit('sports');
    await expect.poll(() => has('sports'), { timeout: 5_000 }).toBe(true);
    await database()
      .db.update(units)
      .set({ code: 'sports-loisirs' })
      .where(and(eq(units.tenantId, world.tenantId), eq(units.code, 'sports')));
    await expect.poll(() => has('sports'), { timeout: 5_000 }).toBe(false);
    expect(await has('sports-loisirs')).toBe(true);
  });

  it('knows only units in service: archiving one takes it out at once (§116)', async () => {
    await addUnit('archives');
    await expect.poll(() => has('archives'), { timeout: 5_000 }).toBe(true);
    const archive = (at: Date | null) =>
      database()
        .db.update(units)
        .set({ archivedAt: at })
        .where(and(eq(units.tenantId, world.tenantId), eq(units.code, 'archives')));
    await archive(new Date());
    await expect.poll(() => has('archives'), { timeout: 5_000 }).toBe(false);
    expect(await has('archives', createUnitCatalog())).toBe(false);
    await archive(null);
    await expect.poll(() => has('archives'), { timeout: 5_000 }).toBe(true);
  });

  it('keeps what it read without asking again, at most for its TTL', async () => {
    expect(await has('culture')).toBe(false);
    // A change nobody announces (as if the notification were lost while reconnecting).
    await database().executeSql('alter table units disable trigger units_access_change');
    try {
      await addUnit('culture');
      expect(await has('culture')).toBe(false);
      clockMs += UNIT_CATALOG_TTL_MS;
      expect(await has('culture')).toBe(true);
    } finally {
      await database().executeSql('alter table units enable trigger units_access_change');
    }
  });
});
