import { randomUUID } from 'node:crypto';
import type { AppDatabase, Database } from '../../../db/index.ts';
import type { SessionActor } from '../../core/sessionActor.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';
import type { DossierContext } from '../dossierContext.ts';
import { unitsFromDatabase } from '../unitCatalog.ts';

export type SeededRole = keyof SeededTenant['accounts'];

/** A complete, valid answer to `socialAidDefinition`'s form (routed to `ccas`). */
export const VALID_SOCIAL_AID = {
  nom: 'Martin',
  prenom: 'Claire',
  email: 'claire.martin@example.fr',
  revenuMensuel: 900,
  situation: 'seul',
} as const;

/**
 * The session the auth feature would resolve for a seeded account: roles from the
 * seeded memberships, unit codes with their descendants (`ccas` covers `ccas-familles`).
 *
 * @example
 * const agent = sessionOf(world, 'agent'); // roles ['agent'], unitCodes ['ccas', 'ccas-familles']
 */
export function sessionOf(world: SeededTenant, who: SeededRole): SessionActor {
  const base = {
    sessionId: `test-${who}`,
    tenantId: world.tenantId,
    userId: world.accounts[who].id,
  };
  switch (who) {
    case 'admin':
      return {
        ...base,
        kind: 'staff',
        roles: ['admin'],
        unitIds: [],
        unitCodes: ['ccas', 'ccas-familles', 'mairie'],
      };
    case 'agent':
    case 'supervisor':
      return {
        ...base,
        kind: 'staff',
        roles: [who],
        unitIds: [world.unitIds.ccas],
        unitCodes: ['ccas', 'ccas-familles'],
      };
    case 'agentMairie':
      return {
        ...base,
        kind: 'staff',
        roles: ['agent'],
        unitIds: [world.unitIds.mairie],
        unitCodes: ['mairie'],
      };
    case 'citizen':
    case 'otherCitizen':
      return { ...base, kind: 'citizen', roles: [], unitIds: [], unitCodes: [] };
  }
}

/**
 * A service context for a seeded account, as `dossierContextOf` builds it in a request.
 *
 * @example
 * const created = await createDossier(contextOf(db, world, 'citizen'), { demarche: 'aide-sociale' });
 */
export function contextOf(
  db: AppDatabase,
  world: SeededTenant,
  who: SeededRole,
  now = new Date('2026-03-02T09:00:00Z'),
): DossierContext {
  return {
    db,
    session: sessionOf(world, who),
    now,
    requestId: `test-${randomUUID()}`,
    units: unitsFromDatabase,
  };
}

// One pair of Result helpers for every service test.
export { expectErr, expectOk } from '../../testing/expectResult.ts';

/**
 * The effect jobs pg-boss holds for a dossier (queue name and effect type), in order.
 *
 * @example
 * expect(await jobsOf(database, id)).toEqual([{ name: 'effect-notify', type: 'notify' }]);
 */
export async function jobsOf(
  database: Database,
  dossierId: string,
): Promise<Array<{ name: string; type: string }>> {
  const { rows } = await database.executeSql(
    `select name, data->'effect'->>'type' as type from pgboss.job
     where data->>'dossierId' = $1 order by data->>'effectKey'`,
    [dossierId],
  );
  return rows as Array<{ name: string; type: string }>;
}

/**
 * Counts rows of a table for one dossier (`dossier_events`, `messages`, …).
 *
 * @example
 * expect(await countFor(database, 'dossier_events', id, "type = 'transition'")).toBe(1);
 */
export async function countFor(
  database: Database,
  table: 'dossier_events' | 'messages' | 'attachments',
  dossierId: string,
  condition = 'true',
): Promise<number> {
  const { rows } = await database.executeSql(
    `select count(*)::int as n from ${table} where dossier_id = $1 and ${condition}`,
    [dossierId],
  );
  return (rows[0] as { n: number }).n;
}
