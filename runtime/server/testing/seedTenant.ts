import { randomBytes } from 'node:crypto';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { memberships, users } from '../../db/schema/people.ts';
import { tenants, units } from '../../db/schema/tenants.ts';
import type { AppDatabase } from '../../db/types.ts';
import { hashPassword } from '../auth/index.ts';
import { insertPublishedDemarche } from '../demo/index.ts';

export interface SeededAccount {
  id: string;
  email: string;
  password: string;
}

export interface SeededTenant {
  tenantId: string;
  /** The tenant slug, as `auth.login` takes it. */
  slug: string;
  /** Unit ids by code: `ccas` (parent of `ccas-familles`) and `mairie` (a sibling). */
  unitIds: Record<'ccas' | 'ccas-familles' | 'mairie', string>;
  /** admin: whole tenant; agent and supervisor: unit `ccas` (covers `ccas-familles`);
   * agentMairie: unit `mairie` only; citizen and otherCitizen: two applicants. */
  accounts: Record<
    'admin' | 'agent' | 'supervisor' | 'agentMairie' | 'citizen' | 'otherCitizen',
    SeededAccount
  >;
  /** `socialAidDefinition` (slug `aide-sociale`) published as version 1. */
  demarche: { id: string; slug: string; version: number };
}

/** One password for every seeded account: long enough for the policy, not a common one. */
export const SEEDED_PASSWORD = 'Le guichet du test est ouvert 2026';

/**
 * A tenant to run the server against: a unit tree, staff of every role, two citizens
 * and the social-aid démarche published. Slugs are random so several tenants can share
 * one test database (cross-tenant tests seed two).
 *
 * @example
 * const world = await seedTenant(server.database.db);
 * await client.trpc.auth.login.mutate({ tenant: world.slug, ...world.accounts.agent });
 */
export async function seedTenant(
  db: AppDatabase,
  options: { definition?: DemarcheDefinition } = {},
): Promise<SeededTenant> {
  const slug = `t-${randomBytes(5).toString('hex')}`;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug, name: `Commune ${slug}` })
    .returning();
  const tenantId = tenant!.id;
  const [ccas] = await db
    .insert(units)
    .values({ tenantId, code: 'ccas', name: 'Centre communal d’action sociale' })
    .returning();
  const [familles, mairie] = await db
    .insert(units)
    .values([
      { tenantId, code: 'ccas-familles', name: 'Pôle familles', parentId: ccas!.id },
      { tenantId, code: 'mairie', name: 'Accueil de la mairie' },
    ])
    .returning();
  const passwordHash = await hashPassword(SEEDED_PASSWORD);
  const people = [
    ['admin', 'staff', 'Alice Admin'],
    ['agent', 'staff', 'Antoine Agent'],
    ['supervisor', 'staff', 'Sophie Superviseure'],
    ['agentMairie', 'staff', 'Marc Mairie'],
    ['citizen', 'citizen', 'Claire Citoyenne'],
    ['otherCitizen', 'citizen', 'Omar Autre'],
  ] as const;
  const rows = await db
    .insert(users)
    .values(
      people.map(([key, kind, displayName]) => ({
        tenantId,
        email: `${key.toLowerCase()}@${slug}.test`,
        displayName,
        kind,
        passwordHash,
      })),
    )
    .returning();
  const account = (index: number): SeededAccount => ({
    id: rows[index]!.id,
    email: rows[index]!.email,
    password: SEEDED_PASSWORD,
  });
  const accounts = {
    admin: account(0),
    agent: account(1),
    supervisor: account(2),
    agentMairie: account(3),
    citizen: account(4),
    otherCitizen: account(5),
  };
  await db.insert(memberships).values([
    { tenantId, userId: accounts.admin.id, role: 'admin', unitId: null },
    { tenantId, userId: accounts.agent.id, role: 'agent', unitId: ccas!.id },
    { tenantId, userId: accounts.supervisor.id, role: 'supervisor', unitId: ccas!.id },
    { tenantId, userId: accounts.agentMairie.id, role: 'agent', unitId: mairie!.id },
  ]);
  const demarche = await insertPublishedDemarche(
    db,
    tenantId,
    options.definition ?? socialAidDefinition,
  );
  return {
    tenantId,
    slug,
    unitIds: { ccas: ccas!.id, 'ccas-familles': familles!.id, mairie: mairie!.id },
    accounts,
    demarche,
  };
}
