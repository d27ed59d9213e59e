import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, type Database, demarches } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { ensureJobSchema } from '../effects/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { dataFingerprint, tenantFingerprint } from './testing/fingerprint.ts';

let database: Database;
let tenantA: SeededTenant;
let tenantB: SeededTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureJobSchema(database);
  tenantA = await seedTenant(database.db);
  tenantB = await seedTenant(database.db);
});
afterAll(() => database.close());

// The isolation and role suites pass when fingerprints stay equal: these cases show a
// write would change them, so those suites can fail.
describe('data fingerprints', () => {
  it('change with a write that keeps every row count, in the written tenant only', async () => {
    const beforeA = await tenantFingerprint(database, tenantA.tenantId);
    const beforeB = await tenantFingerprint(database, tenantB.tenantId);
    const beforeData = await dataFingerprint(database);
    await database.db
      .update(demarches)
      .set({ title: 'Titre changé en douce' })
      .where(eq(demarches.id, tenantA.demarche.id));
    const afterA = await tenantFingerprint(database, tenantA.tenantId);
    expect(afterA['demarches']).not.toEqual(beforeA['demarches']);
    expect(afterA['demarches']?.split(':')[0]).toEqual(beforeA['demarches']?.split(':')[0]);
    expect(await tenantFingerprint(database, tenantB.tenantId)).toEqual(beforeB);
    expect(await dataFingerprint(database)).not.toEqual(beforeData);
  });

  it('cover every table holding a tenant_id, and leave bookkeeping out of the data one', async () => {
    const perTenant = await tenantFingerprint(database, tenantA.tenantId);
    expect(Object.keys(perTenant)).toEqual(
      expect.arrayContaining(['tenants', 'dossiers', 'dossier_events', 'messages', 'audit_log']),
    );
    const before = await dataFingerprint(database);
    expect(Object.keys(before)).not.toContain('audit_log');
    expect(Object.keys(before)).toContain('pgboss.job');
    await database.db.insert(auditLog).values({
      tenantId: tenantA.tenantId,
      actor: 'user:test',
      action: 'dossier.denied',
      object: 'dossier:test',
      at: new Date(),
      requestId: 'test',
      details: {},
    });
    expect(await dataFingerprint(database)).toEqual(before);
  });
});
