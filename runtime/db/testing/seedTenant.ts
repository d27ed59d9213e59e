import { randomBytes } from 'node:crypto';
import { demarches, demarcheVersions } from '../schema/demarches.ts';
import { dossiers } from '../schema/dossiers.ts';
import { users } from '../schema/people.ts';
import { tenants, units } from '../schema/tenants.ts';
import type { AppDatabase } from '../types.ts';

export interface SeededTenant {
  tenantId: string;
  unitId: string;
  unitCode: string;
  agentId: string;
  citizenId: string;
  demarcheId: string;
  /** The démarche's published version (1). */
  version: number;
}

/**
 * A tenant with one unit, one agent, one citizen and one démarche published as version 1:
 * the smallest world a dossier can live in. Slugs are random, so tests sharing a
 * database never collide.
 *
 * @example
 * const world = await seedTenant(database.db);
 * const dossierId = await seedDossier(database.db, world, { state: 'instruction' });
 */
export async function seedTenant(db: AppDatabase): Promise<SeededTenant> {
  const slug = `t-${randomBytes(5).toString('hex')}`;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug, name: `Tenant ${slug}` })
    .returning();
  const tenantId = tenant!.id;
  const [unit] = await db
    .insert(units)
    .values({ tenantId, code: 'UL-75', name: 'Union locale de Paris' })
    .returning();
  const [agent, citizen] = await db
    .insert(users)
    .values([
      { tenantId, email: `agent@${slug}.test`, displayName: 'Agent', kind: 'staff' },
      { tenantId, email: `citizen@${slug}.test`, displayName: 'Citoyenne', kind: 'citizen' },
    ])
    .returning();
  const definition = { version: 1, meta: { slug: 'apa', title: 'APA', referencePrefix: 'APA' } };
  const [demarche] = await db
    .insert(demarches)
    .values({ tenantId, slug: 'apa', title: 'APA', draft: definition })
    .returning();
  await db
    .insert(demarcheVersions)
    .values({ tenantId, demarcheId: demarche!.id, version: 1, definition });
  return {
    tenantId,
    unitId: unit!.id,
    unitCode: unit!.code,
    agentId: agent!.id,
    citizenId: citizen!.id,
    demarcheId: demarche!.id,
    version: 1,
  };
}

/**
 * Inserts a dossier of the seeded démarche (state `brouillon` unless overridden) and
 * returns its id.
 *
 * @example
 * const id = await seedDossier(db, world, { data: { nom: 'Dupont' } });
 */
export async function seedDossier(
  db: AppDatabase,
  world: SeededTenant,
  overrides: Partial<typeof dossiers.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(dossiers)
    .values({
      tenantId: world.tenantId,
      demarcheId: world.demarcheId,
      version: world.version,
      applicantId: world.citizenId,
      state: 'brouillon',
      ...overrides,
    })
    .returning({ id: dossiers.id });
  return row!.id;
}
