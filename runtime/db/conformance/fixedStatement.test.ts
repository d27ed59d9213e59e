import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { fixedStatement, placeholderFor, statementBuilder } from '../driver/fixedStatement.ts';
import { dossiers } from '../schema/dossiers.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { seedDossier, seedTenant } from '../testing/seedTenant.ts';

const p = sql.placeholder;
const columns = getTableColumns(dossiers);
const byId = and(eq(dossiers.tenantId, p('tenantId')), eq(dossiers.id, p('id')));

const read = fixedStatement<{ tenantId: string; id: string }, typeof dossiers.$inferSelect>(
  statementBuilder.select(columns).from(dossiers).where(byId),
  columns,
);

const write = fixedStatement<{
  tenantId: string;
  id: string;
  data: Record<string, unknown>;
  dueAt: Date | null;
  submittedAt: Date | null;
}>(
  statementBuilder
    .update(dossiers)
    .set({
      data: placeholderFor(dossiers.data, 'data'),
      dueAt: placeholderFor(dossiers.dueAt, 'dueAt'),
      submittedAt: placeholderFor(dossiers.submittedAt, 'submittedAt'),
    })
    .where(byId),
);

describeOnEachDriver('fixedStatement', (database) => {
  it('reads a row exactly as drizzle’s query builder does', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const id = await seedDossier(db, world);
    const key = { tenantId: world.tenantId, id };
    await db
      .update(dossiers)
      .set({ data: { nom: 'Émile', n: 3 }, dueAt: new Date('2026-03-01T10:00:00Z') })
      .where(eq(dossiers.id, id));
    const [viaBuilder] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(await read.run(db, key)).toEqual([viaBuilder]);
  });

  it('encodes values through their columns, keeps null as SQL NULL, and runs in a transaction', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const id = await seedDossier(db, world);
    const key = { tenantId: world.tenantId, id };
    const dueAt = new Date('2026-05-04T08:30:00.123Z');
    await db.transaction((tx) =>
      write.run(tx, { ...key, data: { a: [1, 'x'], b: null }, dueAt, submittedAt: null }),
    );
    const [row] = await read.run(db, key);
    expect(row?.data).toEqual({ a: [1, 'x'], b: null });
    expect(row?.dueAt).toEqual(dueAt);
    expect(row?.submittedAt).toBeNull();
  });

  it('refuses a missing placeholder value instead of writing NULL', async () => {
    const { db } = database();
    await expect(
      read.run(db, { tenantId: '00000000-0000-4000-8000-000000000000' } as never),
    ).rejects.toThrow(/no value for placeholder id/);
  });
});
