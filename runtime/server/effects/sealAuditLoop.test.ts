import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, type Database, verifyAuditChain } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { seedTenant } from '../../db/testing/seedTenant.ts';
import { sealAuditLoop } from './sealAuditLoop.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('sealAuditLoop', () => {
  it('chains audit rows written while it runs, and stops when asked', async () => {
    const world = await seedTenant(database.db);
    const idle = new AbortController();
    const sealing = sealAuditLoop({
      db: database.db,
      intervalMs: 100,
      idle: idle.signal,
      log: () => {},
    });
    await database.db
      .insert(auditLog)
      .values(
        [1, 2, 3].map((i) => ({ tenantId: world.tenantId, actor: 'system', action: `t.${i}` })),
      );
    const deadline = Date.now() + 5_000;
    let verdict = await verifyAuditChain(database.db, world);
    while (verdict.unsealed > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      verdict = await verifyAuditChain(database.db, world);
    }
    expect(verdict).toEqual({ ok: true, length: 3, unsealed: 0 });
    idle.abort();
    await sealing;
  });
});
