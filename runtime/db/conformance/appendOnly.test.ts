import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { verifyEventChain } from '../audit/verifyEventChain.ts';
import { demarcheVersions } from '../schema/demarches.ts';
import { dossiers } from '../schema/dossiers.ts';
import { APPEND_ONLY_SQLSTATE, auditLog, dossierEvents } from '../schema/logs.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { seedDossier, seedTenant } from '../testing/seedTenant.ts';

/** The SQLSTATE of a failed query, wherever the driver and drizzle put it. */
function sqlStateOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

const refused = (error: unknown) => sqlStateOf(error) === APPEND_ONLY_SQLSTATE;

describeOnEachDriver('append-only logs', (database) => {
  it('audit_log refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { db, executeSql } = database();
    const world = await seedTenant(db);
    await db.insert(auditLog).values({ tenantId: world.tenantId, actor: 'system', action: 'seed' });
    const mine = eq(auditLog.tenantId, world.tenantId);
    await expect(db.update(auditLog).set({ action: 'forged' }).where(mine)).rejects.toSatisfy(
      refused,
    );
    await expect(db.delete(auditLog).where(mine)).rejects.toSatisfy(refused);
    await expect(executeSql('truncate audit_log')).rejects.toThrow(/audit_log/);
    expect(await db.select().from(auditLog).where(mine)).toHaveLength(1);
  });

  it('dossier_events refuses UPDATE and DELETE while its dossier exists', async () => {
    const { db, executeSql } = database();
    const world = await seedTenant(db);
    const dossierId = await seedDossier(db, world);
    await db.insert(dossierEvents).values({ tenantId: world.tenantId, dossierId, type: 'created' });
    const mine = eq(dossierEvents.dossierId, dossierId);
    await expect(db.update(dossierEvents).set({ type: 'forged' }).where(mine)).rejects.toSatisfy(
      refused,
    );
    await expect(db.delete(dossierEvents).where(mine)).rejects.toSatisfy(refused);
    await expect(executeSql('truncate dossier_events cascade')).rejects.toThrow(/dossier_events/);
    expect(await db.select().from(dossierEvents).where(mine)).toHaveLength(1);
  });

  it('dossier_events go with their dossier when it is purged', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const dossierId = await seedDossier(db, world);
    await db.insert(dossierEvents).values({ tenantId: world.tenantId, dossierId, type: 'created' });
    await db
      .delete(dossiers)
      .where(and(eq(dossiers.tenantId, world.tenantId), eq(dossiers.id, dossierId)));
    expect(
      await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)),
    ).toEqual([]);
  });

  it('published versions refuse UPDATE', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    await expect(
      db
        .update(demarcheVersions)
        .set({ definition: { forged: true } })
        .where(eq(demarcheVersions.tenantId, world.tenantId)),
    ).rejects.toSatisfy(refused);
  });

  it('chains a dossier’s events, whatever the application sends', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const dossierId = await seedDossier(db, world);
    const event = { tenantId: world.tenantId, dossierId, actorId: world.agentId };
    await db.insert(dossierEvents).values({ ...event, type: 'created', hash: 'forged', seq: 42 });
    // Several events in one statement, as one transition may produce.
    await db.insert(dossierEvents).values([
      { ...event, type: 'transition', payload: { before: { state: 'a' }, after: { state: 'b' } } },
      { ...event, type: 'assigned', payload: { before: null, after: world.agentId } },
    ]);
    const rows = await db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossierId))
      .orderBy(dossierEvents.seq);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevHash).toBeNull();
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.hash))).toBe(true);
    expect(await verifyEventChain(db, { tenantId: world.tenantId, dossierId })).toEqual({
      ok: true,
      length: 3,
    });
  });

  it('detects an event rewritten behind the triggers’ back', async () => {
    const { db, executeSql } = database();
    const world = await seedTenant(db);
    const dossierId = await seedDossier(db, world);
    const event = { tenantId: world.tenantId, dossierId, type: 'note' };
    await db.insert(dossierEvents).values([event, { ...event, payload: { after: 'vrai' } }]);
    // What a superuser could do by hand; the chain is there to notice.
    await executeSql('alter table dossier_events disable trigger dossier_events_no_update');
    try {
      await db
        .update(dossierEvents)
        .set({ payload: { after: 'faux' } })
        .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.seq, 2)));
    } finally {
      await executeSql('alter table dossier_events enable trigger dossier_events_no_update');
    }
    expect(await verifyEventChain(db, { tenantId: world.tenantId, dossierId })).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'hash',
    });
  });

  it('serialises concurrent appends to one dossier instead of forking the chain', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const dossierId = await seedDossier(db, world);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.01)`);
          await tx
            .insert(dossierEvents)
            .values({ tenantId: world.tenantId, dossierId, type: `e${i}` });
        }),
      ),
    );
    expect(await verifyEventChain(db, { tenantId: world.tenantId, dossierId })).toEqual({
      ok: true,
      length: 8,
    });
  });
});
