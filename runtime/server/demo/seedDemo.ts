import { eq } from 'drizzle-orm';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { memberships, users } from '../../db/schema/people.ts';
import { tenants, units } from '../../db/schema/tenants.ts';
import type { AppDatabase } from '../../db/types.ts';
import { hashPassword } from '../auth/password.ts';
import { insertPublishedDemarche } from './insertPublishedDemarche.ts';

export const DEMO_TENANT = 'demo';

/** Demo accounts of the local demo tenant only; printed at start-up. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.guichet.localhost', role: 'admin', kind: 'staff', name: 'Alice Admin' },
  { email: 'agent@demo.guichet.localhost', role: 'agent', kind: 'staff', name: 'Antoine Agent' },
  {
    email: 'citoyen@demo.guichet.localhost',
    role: null,
    kind: 'citizen',
    name: 'Claire Citoyenne',
  },
] as const;

export const DEMO_PASSWORD = 'Démonstration du guichet 2026';

/**
 * Creates the demo tenant on first start: a unit tree, one account per role and the
 * social-aid démarche published. Does nothing when the tenant exists, so restarts keep
 * whatever was done in the demo.
 *
 * @example
 * const created = await seedDemo(database.db);
 */
export async function seedDemo(db: AppDatabase): Promise<boolean> {
  const existing = await db.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT));
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug: DEMO_TENANT, name: 'Commune de démonstration' })
      .returning();
    const tenantId = tenant!.id;
    const [ccas] = await tx
      .insert(units)
      .values({ tenantId, code: 'ccas', name: 'Centre communal d’action sociale' })
      .returning();
    await tx
      .insert(units)
      .values({ tenantId, code: 'ccas-familles', name: 'Pôle familles', parentId: ccas!.id });
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({
          tenantId,
          email: account.email,
          displayName: account.name,
          kind: account.kind,
          passwordHash,
        })
        .returning();
      if (account.role) {
        await tx.insert(memberships).values({
          tenantId,
          userId: user!.id,
          role: account.role,
          unitId: account.role === 'admin' ? null : ccas!.id,
        });
      }
    }
    await insertPublishedDemarche(tx, tenantId, socialAidDefinition);
  });
  return true;
}
