import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/types.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';

/**
 * Inserts `count` submitted dossiers of the seeded démarche in one statement (unit `ccas`,
 * state `depose`, references `<prefix>-NNNNNNN`), for tests and benchmarks that need a
 * queue larger than a page — an export above the immediate download's limit.
 *
 * @example
 * await seedManyDossiers(db, world, 1_050, 'LOT');
 */
export async function seedManyDossiers(
  db: AppDatabase,
  world: SeededTenant,
  count: number,
  prefix: string,
): Promise<void> {
  await db.execute(sql`
    insert into dossiers (tenant_id, demarche_id, version, applicant_id, reference, state,
      unit_code, priority, data, created_at, updated_at, entered_state_at, submitted_at)
    select ${world.tenantId}::uuid, ${world.demarche.id}::uuid, ${world.demarche.version},
      ${world.accounts.citizen.id}::uuid, ${prefix} || '-' || lpad(i::text, 7, '0'), 'depose',
      'ccas', 1, jsonb_build_object('nom', 'Nom ' || i, 'prenom', 'Prénom ' || i),
      now() - i * interval '1 second', now(), now(), now()
    from generate_series(1, ${count}::int) as i`);
}
