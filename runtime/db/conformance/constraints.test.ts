import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { demarches } from '../schema/demarches.ts';
import { dossiers } from '../schema/dossiers.ts';
import { attachments } from '../schema/exchanges.ts';
import { users } from '../schema/people.ts';
import { tenants, units } from '../schema/tenants.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { seedDossier, seedTenant } from '../testing/seedTenant.ts';

const definition = { version: 1, meta: { slug: 'x' } };

/** drizzle wraps driver errors; the PostgreSQL message is in the cause. */
function messageOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return `${String(error)} ${cause ? String((cause as Error).message) : ''}`;
}

describeOnEachDriver('constraints', (database) => {
  it('enforce a unique slug per tenant, and only per tenant', async () => {
    const { db } = database();
    const a = await seedTenant(db);
    const b = await seedTenant(db);
    const insert = (tenantId: string) =>
      db.insert(demarches).values({ tenantId, slug: 'pch', title: 'PCH', draft: definition });
    await insert(a.tenantId);
    await expect(insert(a.tenantId)).rejects.toSatisfy((error) =>
      messageOf(error).includes('demarches_tenant_slug_key'),
    );
    await expect(insert(b.tenantId)).resolves.toBeDefined();
  });

  it('keep e-mail addresses lower-case and unique per tenant', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const user = { tenantId: world.tenantId, displayName: 'X', kind: 'citizen' as const };
    await expect(db.insert(users).values({ ...user, email: 'Mixed@Example.fr' })).rejects.toSatisfy(
      (error) => messageOf(error).includes('users_email_lower'),
    );
    await db.insert(users).values({ ...user, email: 'same@example.fr' });
    await expect(db.insert(users).values({ ...user, email: 'same@example.fr' })).rejects.toThrow();
  });

  it('refuse references to another tenant’s rows', async () => {
    const { db } = database();
    const a = await seedTenant(db);
    const b = await seedTenant(db);
    // Tenant B's citizen as the applicant of a dossier of tenant A.
    await expect(seedDossier(db, { ...a, citizenId: b.citizenId })).rejects.toSatisfy((error) =>
      messageOf(error).includes('dossiers_applicant_fk'),
    );
    const [foreignUnit] = await db
      .insert(units)
      .values({ tenantId: b.tenantId, code: 'ONLY-B', name: 'B' })
      .returning();
    await expect(seedDossier(db, a, { unitCode: foreignUnit!.code })).rejects.toThrow();
  });

  it('keep an attachment’s field a field path, indexes of repeated groups included', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const dossierId = await seedDossier(db, world);
    const attach = (field: string) =>
      db.insert(attachments).values({
        tenantId: world.tenantId,
        dossierId,
        field,
        fileName: 'acte.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'a'.repeat(64),
        storageKey: 'aa/aaaa',
      });
    await attach('justificatif');
    await attach('enfants/0/certificat');
    for (const field of ['../etc/passwd', 'enfants/01/certificat', 'enfants//certificat', '']) {
      await expect(attach(field), field).rejects.toSatisfy((error) =>
        messageOf(error).includes('attachments_field_path'),
      );
    }
  });

  it('roll back a transaction that throws after its first insert', async () => {
    const { db } = database();
    const failure = new Error('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(tenants).values({ slug: 'rolled-back', name: 'Never' });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.select().from(tenants).where(eq(tenants.slug, 'rolled-back'))).toEqual([]);
  });

  it('roll back a nested savepoint without losing the outer work', async () => {
    const { db } = database();
    await db.transaction(async (tx) => {
      await tx.insert(tenants).values({ slug: 'outer', name: 'Outer' });
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(tenants).values({ slug: 'inner', name: 'Inner' });
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    const slugs = (await db.select().from(tenants)).map((row) => row.slug);
    expect(slugs).toContain('outer');
    expect(slugs).not.toContain('inner');
  });

  it('round-trip jsonb data exactly', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const data = {
      nom: 'Éloïse Dupont-Lefèvre',
      quote: 'l’« accord » \\ "guillemets" \u0000'.replace('\u0000', ''),
      revenu: 1234.5,
      enfants: 3,
      gros: 9007199254740991,
      vrai: true,
      rien: null,
      liste: [1, 'deux', { trois: [3] }],
      imbrique: { a: { b: { c: 'd' } } },
      emoji: '🇫🇷',
    };
    const id = await seedDossier(db, world, { data });
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row!.data).toEqual(data);
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.priority).toBe(1);
  });
});
