import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type AppDatabase, demarcheVersions } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { createPublishedVersions } from './publishedDefinition.ts';

/** The real database, with a count of the SELECTs started through it. */
function countingSelects(db: AppDatabase): { db: AppDatabase; selects: () => number } {
  let selects = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'select' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        selects += 1;
        return value.apply(target, args);
      };
    },
  });
  return { db: counted, selects: () => selects };
}

/** A tenant whose démarche has versions 1, 2 and 3 published (the same definition). */
async function tenantWithThreeVersions(db: AppDatabase) {
  const world = await seedTenant(db);
  const [first] = await db
    .select()
    .from(demarcheVersions)
    .where(eq(demarcheVersions.tenantId, world.tenantId));
  const definition = first!.definition;
  await db.insert(demarcheVersions).values(
    [2, 3].map((version) => ({
      tenantId: world.tenantId,
      demarcheId: world.demarche.id,
      version,
      definition,
    })),
  );
  return world;
}

describeOnEachDriver('published versions', (database) => {
  it('serves a second read of a version without a query, as the same decoded object', async () => {
    const world = await seedTenant(database().db);
    const { db, selects } = countingSelects(database().db);
    const versions = createPublishedVersions({ limit: 10 });
    const first = await versions.get(db, world.tenantId, world.demarche.id, 1);
    const second = await versions.get(db, world.tenantId, world.demarche.id, 1);
    expect(first?.definition.meta.slug).toBe(world.demarche.slug);
    expect(second).toBe(first);
    expect(selects()).toBe(1);
  });

  it('evicts the least recently read version past its limit', async () => {
    const world = await tenantWithThreeVersions(database().db);
    const { db, selects } = countingSelects(database().db);
    const versions = createPublishedVersions({ limit: 2 });
    const read = (version: number) => versions.get(db, world.tenantId, world.demarche.id, version);
    await read(1);
    await read(2);
    await read(1); // v1 is now the most recently read: v2 goes first
    expect(selects()).toBe(2);
    await read(3);
    expect(selects()).toBe(3);
    await read(1);
    expect(selects()).toBe(3);
    await read(2);
    expect(selects()).toBe(4);
  });

  it('keeps the latest version too, so reading it by number costs no query', async () => {
    const world = await tenantWithThreeVersions(database().db);
    const { db, selects } = countingSelects(database().db);
    const versions = createPublishedVersions({ limit: 10 });
    const latest = await versions.latest(db, world.tenantId, world.demarche.slug);
    expect(latest?.version).toBe(3);
    expect(await versions.get(db, world.tenantId, world.demarche.id, 3)).toBe(latest);
    expect(selects()).toBe(1);
  });

  it('answers null to another tenant, even for a version it keeps', async () => {
    const world = await seedTenant(database().db);
    const other = await seedTenant(database().db);
    const versions = createPublishedVersions({ limit: 10 });
    const db = database().db;
    expect(await versions.get(db, world.tenantId, world.demarche.id, 1)).not.toBeNull();
    expect(await versions.get(db, other.tenantId, world.demarche.id, 1)).toBeNull();
  });
});
