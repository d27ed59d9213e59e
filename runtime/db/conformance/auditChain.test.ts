import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sealAuditLog } from '../audit/sealAuditLog.ts';
import { verifyAuditChain } from '../audit/verifyAuditChain.ts';
import { verifyChains } from '../audit/verifyChains.ts';
import { describeReport } from '../audit/verifyChainsCommand.ts';
import { auditLog, dossierEvents } from '../schema/logs.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { seedDossier, seedTenant } from '../testing/seedTenant.ts';
import type { AppDatabase } from '../types.ts';

async function writeAudit(db: AppDatabase, tenantId: string, count: number): Promise<number[]> {
  const rows = await db
    .insert(auditLog)
    .values(
      Array.from({ length: count }, (_, i) => ({
        tenantId,
        actor: 'system',
        action: `test.${i}`,
        details: { i },
      })),
    )
    .returning({ id: auditLog.id });
  return rows.map((row) => row.id);
}

async function sealAll(db: AppDatabase): Promise<void> {
  while ((await sealAuditLog(db)) > 0) {}
}

describeOnEachDriver('the audit hash chain', (database) => {
  it('chains a tenant’s audit rows once sealed, seq 1, 2, 3…', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    await writeAudit(db, world.tenantId, 3);
    expect(await verifyAuditChain(db, world)).toEqual({ ok: true, length: 0, unsealed: 3 });
    await sealAll(db);
    expect(await verifyAuditChain(db, world)).toEqual({ ok: true, length: 3, unsealed: 0 });
    await writeAudit(db, world.tenantId, 2);
    await sealAll(db);
    expect(await verifyAuditChain(db, world)).toEqual({ ok: true, length: 5, unsealed: 0 });
  });

  it('does not fork when several sealers run at once', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    await writeAudit(db, world.tenantId, 40);
    await Promise.all(Array.from({ length: 4 }, () => sealAuditLog(db, 7)));
    await sealAll(db);
    expect(await verifyAuditChain(db, world)).toEqual({ ok: true, length: 40, unsealed: 0 });
  });

  it('names the tenant, chain and seq of a row tampered with by the owner', async () => {
    const { db, executeSql } = database();
    const world = await seedTenant(db);
    const [, second] = await writeAudit(db, world.tenantId, 3);
    const dossierId = await seedDossier(db, world);
    const event = { tenantId: world.tenantId, dossierId, type: 'note' };
    await db.insert(dossierEvents).values([event, event, { ...event, payload: { x: 1 } }]);
    await sealAll(db);
    expect((await verifyChains(db)).breaks).toEqual([]);

    // What the owner (or a superuser) could do by hand; the chains are there to notice.
    await executeSql('alter table audit_log disable trigger audit_log_append_only');
    await executeSql('alter table dossier_events disable trigger dossier_events_no_update');
    try {
      await db
        .update(auditLog)
        .set({ details: { i: 99 } })
        .where(and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.id, second!)));
      await db
        .update(dossierEvents)
        .set({ payload: { x: 2 } })
        .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.seq, 3)));
    } finally {
      await executeSql('alter table audit_log enable trigger audit_log_append_only');
      await executeSql('alter table dossier_events enable trigger dossier_events_no_update');
    }

    const report = await verifyChains(db);
    const ours = report.breaks.filter((b) => b.tenantId === world.tenantId);
    expect(ours).toEqual([
      expect.objectContaining({ dossierId, seq: 3, problem: 'hash' }),
      expect.objectContaining({ dossierId: null, seq: 2, problem: 'hash' }),
    ]);
    for (const broken of ours) {
      expect(broken.expected).toMatch(/^[0-9a-f]{64}$/);
      expect(broken.found).toMatch(/^[0-9a-f]{64}$/);
      expect(broken.found).not.toBe(broken.expected);
    }
    const printed = describeReport(report);
    expect(printed).toContain(`BROKEN tenant ${world.tenantId} audit seq 2 (hash): expected `);
    expect(printed).toContain(`BROKEN tenant ${world.tenantId} dossier ${dossierId} seq 3 (hash)`);
  });
});
