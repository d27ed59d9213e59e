import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../db/driver/openDatabase.ts';
import { createScratchDatabase } from '../../db/testing/createScratchDatabase.ts';
import type { Database } from '../../db/types.ts';
import { buildDeps } from '../buildDeps.ts';
import { loadConfig } from '../core/config.ts';
import { ensureJobSchema } from '../effects/index.ts';
import { createHttpServer } from '../http/createHttpServer.ts';
import { SEEDED_PASSWORD, type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { seedBenchCitizens } from './seedBenchCitizens.ts';
import { type BenchDraft, seedBenchDrafts } from './seedBenchDrafts.ts';
import { signInCitizens } from './signInCitizens.ts';
import type { CitizenSession } from './submitOverHttp.ts';

interface SubmitBenchPlan {
  clients: number;
  /** How many runs get drafts of their own (the server, the raw baseline, each diagnostic). */
  sides: number;
  /** Drafts each client submits on each side, warm-up included. */
  perClient: number;
}

interface SubmitBench {
  /** The scratch database's URL, for the raw baseline's own pool. */
  databaseUrl: string;
  url: string;
  world: SeededTenant;
  /** One signed-in citizen per client. */
  sessions: CitizenSession[];
  /** `drafts[side][client]`: the drafts of that client's citizen reserved for that side. */
  drafts: BenchDraft[][][];
  close(): Promise<void>;
}

/**
 * Everything the submit benchmark needs, on a scratch PostgreSQL database of its own:
 * migrated by `openDatabase` with production's pool size, pg-boss's schema and queues
 * (`ensureJobSchema`; the worker is NOT started, so nothing consumes jobs or competes
 * for the two cores), the real server from `buildDeps` + `createHttpServer` on a random
 * loopback port, one seeded tenant, one citizen per client signed in over HTTP, and
 * their drafts. `close()` stops the server and drops the database.
 *
 * @example
 * const bench = await prepareSubmitBench(baseUrl, { clients: 16, sides: 4, perClient: 135 }, log);
 * try { … } finally { await bench.close(); }
 */
export async function prepareSubmitBench(
  baseUrl: string,
  plan: SubmitBenchPlan,
  log: (line: string) => void,
): Promise<SubmitBench> {
  const step = stepTimer(log);
  const scratch = await createScratchDatabase(baseUrl);
  let database: Database | null = null;
  let server: Server | null = null;
  const close = async () => {
    if (server !== null) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    await database?.close();
    await scratch.drop();
  };
  try {
    database = await openDatabase({ url: scratch.url });
    await ensureJobSchema(database);
    step(`scratch database ${new URL(scratch.url).pathname.slice(1)} migrated, pg-boss ready`);

    const config = { ...loadConfig({}), databaseUrl: scratch.url, webRoot: '/nonexistent' };
    const deps = await buildDeps({ database, config });
    server = createHttpServer(deps);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const world = await seedTenant(database.db);
    const citizens = await seedBenchCitizens(database.executeSql, world, plan.clients);
    const drafts = await seedBenchDrafts(database.executeSql, {
      tenantId: world.tenantId,
      demarcheId: world.demarche.id,
      version: world.demarche.version,
      applicantIds: citizens.map((citizen) => citizen.id),
      perApplicant: plan.sides * plan.perClient,
    });
    // Fresh statistics, so the planner sees the drafts rather than empty tables.
    await database.executeSql('vacuum analyze');
    step(`seeded 1 tenant, ${plan.clients} citizens, ${drafts.flat().length} drafts`);

    const sessions = await signInCitizens(url, world.slug, citizens, SEEDED_PASSWORD);
    step(`${sessions.length} citizens signed in over HTTP`);
    return {
      databaseUrl: scratch.url,
      url,
      world,
      sessions,
      drafts: Array.from({ length: plan.sides }, (_, side) =>
        drafts.map((own) => own.slice(side * plan.perClient, (side + 1) * plan.perClient)),
      ),
      close,
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

function stepTimer(log: (line: string) => void): (what: string) => void {
  let last = performance.now();
  return (what) => {
    const now = performance.now();
    log(`  ${what} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
}
