import { eq } from 'drizzle-orm';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { loadTemplate } from '../../../templates/index.ts';
import { memberships, users } from '../../db/schema/people.ts';
import { tenants, units } from '../../db/schema/tenants.ts';
import type { AppDatabase } from '../../db/types.ts';
import { hashPassword } from '../auth/index.ts';
import { insertPublishedDemarche } from './insertPublishedDemarche.ts';

export const DEMO_TENANT = 'demo';

/**
 * The demo tenant's units, parents first: the commune's social-action centre, a small
 * union confederation (regional unions over local unions) for the membership template,
 * and the Département's solidarity offices (MDS) for the APA template; their routing
 * rules name these codes.
 */
export const DEMO_UNITS = [
  { code: 'ccas', name: 'Centre communal d’action sociale', parent: null },
  { code: 'ccas-familles', name: 'Pôle familles', parent: 'ccas' },
  { code: 'confederation', name: 'Confédération syndicale', parent: null },
  { code: 'ur-ara', name: 'Union régionale Auvergne-Rhône-Alpes', parent: 'confederation' },
  { code: 'ul-lyon-sante', name: 'Syndicat santé de Lyon', parent: 'ur-ara' },
  { code: 'ul-lyon-industrie', name: 'Syndicat de l’industrie de Lyon', parent: 'ur-ara' },
  { code: 'ur-idf', name: 'Union régionale Île-de-France', parent: 'confederation' },
  { code: 'ul-paris-sante', name: 'Syndicat santé de Paris', parent: 'ur-idf' },
  { code: 'ul-paris-services', name: 'Syndicat des services de Paris', parent: 'ur-idf' },
  { code: 'mds-centre', name: 'Maison départementale des solidarités — Centre', parent: null },
  { code: 'mds-villeurbanne', name: 'MDS de Villeurbanne', parent: 'mds-centre' },
  { code: 'mds-lyon-est', name: 'MDS de Lyon Est', parent: 'mds-centre' },
  { code: 'direction-generale', name: 'Direction générale des services', parent: null },
  { code: 'service-juridique', name: 'Service juridique', parent: 'direction-generale' },
  { code: 'service-rh', name: 'Ressources humaines', parent: 'direction-generale' },
  { code: 'service-finances', name: 'Finances', parent: 'direction-generale' },
] as const;

/** Demo accounts of the local demo tenant only; printed at start-up. */
export const DEMO_ACCOUNTS = [
  {
    email: 'admin@demo.guichet.localhost',
    role: 'admin',
    unit: null,
    kind: 'staff',
    name: 'Alice Admin',
  },
  {
    email: 'agent@demo.guichet.localhost',
    role: 'agent',
    unit: 'ccas',
    kind: 'staff',
    name: 'Antoine Agent',
  },
  {
    email: 'syndicat@demo.guichet.localhost',
    role: 'agent',
    unit: 'ul-lyon-sante',
    kind: 'staff',
    name: 'Sofia Syndicat',
  },
  {
    email: 'mds@demo.guichet.localhost',
    role: 'supervisor',
    unit: 'mds-villeurbanne',
    kind: 'staff',
    name: 'Marc Solidarités',
  },
  {
    email: 'juriste@demo.guichet.localhost',
    role: 'agent',
    unit: 'service-juridique',
    kind: 'staff',
    name: 'Julien Juriste',
  },
  {
    email: 'chef-juridique@demo.guichet.localhost',
    role: 'supervisor',
    unit: 'service-juridique',
    kind: 'staff',
    name: 'Chantal Cheffe',
  },
  {
    email: 'citoyen@demo.guichet.localhost',
    role: null,
    unit: null,
    kind: 'citizen',
    name: 'Claire Citoyenne',
  },
] as const;

export const DEMO_PASSWORD = 'Démonstration du guichet 2026';

/** Templates published in the demo tenant; its units are the ones they expect. */
export const DEMO_TEMPLATES = [
  'aide-sociale',
  'adhesion-syndicale',
  'apa-domicile',
  'note-interne',
] as const;

/**
 * Creates the demo tenant on first start: a unit tree, one account per role and the
 * `DEMO_TEMPLATES` published from the template catalogue. Does nothing when the tenant exists, so restarts keep
 * whatever was done in the demo; of two processes starting at once, one seeds it.
 *
 * @example
 * const created = await seedDemo(database.db);
 */
export async function seedDemo(db: AppDatabase): Promise<boolean> {
  const existing = await db.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT));
  if (existing.length > 0) return false;
  const definitions = DEMO_TEMPLATES.map(templateDefinition);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug: DEMO_TENANT, name: 'Commune de démonstration' })
      // Two processes started at once on a fresh database both find no demo tenant: the
      // slug's key lets one seed it, and the other starts on what that one wrote.
      .onConflictDoNothing({ target: tenants.slug })
      .returning();
    if (tenant === undefined) return false;
    const tenantId = tenant.id;
    const unitIds = new Map<string, string>();
    for (const unit of DEMO_UNITS) {
      const parentId = unit.parent === null ? null : (unitIds.get(unit.parent) ?? null);
      const [row] = await tx
        .insert(units)
        .values({ tenantId, code: unit.code, name: unit.name, parentId })
        .returning();
      unitIds.set(unit.code, row!.id);
    }
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({
          tenantId,
          email: account.email,
          displayName: account.name,
          kind: account.kind,
          passwordHash,
          // Printed accounts are ours: confirmed, so the demo citizen can submit at once.
          emailConfirmedAt: new Date(),
        })
        .returning();
      if (account.role) {
        await tx.insert(memberships).values({
          tenantId,
          userId: user!.id,
          role: account.role,
          unitId: account.unit === null ? null : (unitIds.get(account.unit) ?? null),
        });
      }
    }
    for (const definition of definitions) await insertPublishedDemarche(tx, tenantId, definition);
    return true;
  });
}

/** A shipped template that does not load is a bug of this build: fail the start loudly. */
function templateDefinition(slug: string): DemarcheDefinition {
  const loaded = loadTemplate(slug);
  if (loaded.ok) return loaded.value;
  const reason =
    loaded.error.code === 'UNKNOWN_TEMPLATE'
      ? 'not in the catalogue'
      : loaded.error.problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; ');
  throw new Error(`guichet: demo template ${slug} does not load: ${reason}`);
}
