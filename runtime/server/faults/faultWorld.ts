import { openDatabase } from '../../db/driver/openDatabase.ts';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../db/testing/createScratchDatabase.ts';
import type { Database } from '../../db/types.ts';
import { seedBenchCitizens } from '../bench/seedBenchCitizens.ts';
import { type BenchDraft, seedBenchDrafts } from '../bench/seedBenchDrafts.ts';
import { ensureJobSchema } from '../effects/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';

/** A scratch database ready for the real server: migrated, pg-boss installed, seeded. */
export interface FaultWorld {
  scratch: ScratchDatabase;
  /** The scratch database's name, for `pg_stat_activity`. */
  name: string;
  world: SeededTenant;
  citizens: Array<{ id: string; email: string }>;
  /** `drafts[client]`: the drafts that client's citizen will submit. */
  drafts: BenchDraft[][];
}

/**
 * Creates a scratch database on the server of `baseUrl` and seeds, by SQL, one tenant
 * with the social-aid démarche (whose `deposer` sends a notify mail), `clients`
 * citizens and `perClient` complete drafts each. The connection used is closed before
 * returning: the server process under test is the only one working on the database.
 *
 * @example
 * const world = await prepareFaultWorld(process.env.DATABASE_URL!, 8, 40);
 */
export async function prepareFaultWorld(
  baseUrl: string,
  clients: number,
  perClient: number,
): Promise<FaultWorld> {
  const scratch = await createScratchDatabase(baseUrl);
  let database: Database | null = null;
  try {
    database = await openDatabase({ url: scratch.url });
    await ensureJobSchema(database);
    const world = await seedTenant(database.db);
    const citizens = await seedBenchCitizens(database.executeSql, world, clients);
    const drafts = await seedBenchDrafts(database.executeSql, {
      tenantId: world.tenantId,
      demarcheId: world.demarche.id,
      version: world.demarche.version,
      applicantIds: citizens.map((citizen) => citizen.id),
      perApplicant: perClient,
    });
    return { scratch, name: new URL(scratch.url).pathname.slice(1), world, citizens, drafts };
  } catch (error) {
    await database?.close();
    database = null;
    await scratch.drop().catch(() => {});
    throw error;
  } finally {
    await database?.close();
  }
}
