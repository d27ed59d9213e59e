import postgres from 'postgres';
import { openDatabase } from '../../../db/driver/openDatabase.ts';
import type { Database, ExecuteSql } from '../../../db/types.ts';
import { BENCH_SEED_VERSION, BENCH_TENANTS, BENCH_TOTAL } from './benchWorld.ts';
import { seedBenchDossiers, seedBenchTenant } from './seedQueueBench.ts';

export const BENCH_DATABASE = 'guichet_bench_queue';

/** Rows per INSERT … SELECT: chunks spread the load over the seed connections. */
const CHUNK = 250_000;
/** Seed connections working at once: the CI machines have two cores. */
const WORKERS = 2;

/**
 * Opens the benchmark database `guichet_bench_queue` on the server of `baseUrl`, migrated
 * by `openDatabase` like production, and seeds it unless it already holds this seed
 * version with the expected row count: a cached seed makes a second run take seconds.
 * A database with anything else in it is dropped and rebuilt (it belongs to the bench).
 *
 * @example
 * const database = await prepareBenchDatabase(process.env.DATABASE_URL!, console.log);
 */
export async function prepareBenchDatabase(
  baseUrl: string,
  log: (line: string) => void,
): Promise<Database> {
  const url = new URL(baseUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  await withAdmin(baseUrl, async (sql) => {
    const [found] = await sql`select 1 from pg_database where datname = ${BENCH_DATABASE}`;
    if (!found) await sql.unsafe(`create database ${BENCH_DATABASE}`);
    // JIT compiles plans above jit_above_cost for 5–40 ms, more than the queries take
    // (seen on the capped counts). OLTP servers turn it off; so does this database.
    await sql.unsafe(`alter database ${BENCH_DATABASE} set jit = off`);
  });
  let database = await openDatabase({
    url: url.toString(),
    maxConnections: 4,
    statementTimeoutMs: 0,
  });
  const { rows } = await database.executeSql(
    `select (select count(*)::int from dossiers) as n, (select min((theme->>'benchSeed')::int) from tenants) as v`,
  );
  const state = rows[0] as { n: number; v: number | null };
  if (Number(state.n) === BENCH_TOTAL && Number(state.v) === BENCH_SEED_VERSION) {
    log(
      `Seed cached: ${BENCH_TOTAL.toLocaleString('fr-FR')} dossiers (seed v${BENCH_SEED_VERSION}).`,
    );
    return database;
  }
  if (Number(state.n) > 0 || state.v !== null) {
    log('Seed missing or stale: rebuilding the benchmark database.');
    await database.close();
    await withAdmin(baseUrl, async (sql) => {
      await sql.unsafe(`drop database ${BENCH_DATABASE} with (force)`);
      await sql.unsafe(`create database ${BENCH_DATABASE}`);
      await sql.unsafe(`alter database ${BENCH_DATABASE} set jit = off`);
    });
    database = await openDatabase({
      url: url.toString(),
      maxConnections: 4,
      statementTimeoutMs: 0,
    });
  }
  await seed(url.toString(), log);
  return database;
}

async function seed(url: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  log(`Seeding ${BENCH_TOTAL.toLocaleString('fr-FR')} dossiers…`);
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => seedConnection(url)));
  const [first] = workers;
  try {
    const chunks: Array<(worker: SeedConnection) => Promise<void>> = [];
    for (const plan of BENCH_TENANTS) {
      const tenantId = await seedBenchTenant(first!.executeSql, plan);
      for (let from = 1; from <= plan.dossiers; from += CHUNK) {
        const to = Math.min(plan.dossiers, from + CHUNK - 1);
        chunks.push((worker) => seedBenchDossiers(worker.executeSql, tenantId, from, to));
      }
    }
    const indexes = await secondaryIndexes(first!.executeSql, 'dossiers');
    for (const index of indexes) await first!.executeSql(`drop index "${index.name}"`);
    await inParallel(workers, chunks);
    log(`  dossiers written: ${elapsed(started)}`);
    await inParallel(
      workers,
      indexes.map((index) => (worker) => worker.executeSql(index.definition).then(() => {})),
    );
    log(`  ${indexes.length} indexes rebuilt: ${elapsed(started)}`);
    // Statistics for the planner and a visibility map for index-only scans.
    await first!.executeSql('vacuum (analyze) dossiers');
    await first!.executeSql('analyze');
  } finally {
    await Promise.all(workers.map((worker) => worker.end()));
  }
  log(`Seeded in ${elapsed(started)}.`);
}

interface SeedConnection {
  executeSql: ExecuteSql;
  end(): Promise<void>;
}

/**
 * A connection of its own, so its session settings hold for the whole load: foreign
 * keys are not re-checked row by row (the seed builds them right), JIT is off (it makes
 * this expression-heavy INSERT … SELECT 7× slower), index builds get memory.
 */
async function seedConnection(url: string): Promise<SeedConnection> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(`set session_replication_role = replica`);
  await sql.unsafe(`set maintenance_work_mem = '512MB'`);
  await sql.unsafe(`set jit = off`);
  return {
    executeSql: async (text, values) => ({
      rows: Array.from(await sql.unsafe(text, (values ?? []) as never[])),
    }),
    end: () => sql.end(),
  };
}

/** Runs the jobs with each connection taking the next one as it finishes. */
async function inParallel(
  workers: SeedConnection[],
  jobs: Array<(worker: SeedConnection) => Promise<void>>,
) {
  const queue = [...jobs];
  await Promise.all(
    workers.map(async (worker) => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await job(worker);
    }),
  );
}

/**
 * The secondary indexes of `table` (not those backing constraints), with their own
 * definitions (`pg_get_indexdef`): dropped before the load and rebuilt after, so
 * whatever indexes the migrations declare are the ones measured.
 */
async function secondaryIndexes(executeSql: ExecuteSql, table: string) {
  const { rows } = await executeSql(
    `select c.relname as name, pg_get_indexdef(c.oid) as definition
     from pg_index x join pg_class c on c.oid = x.indexrelid
     where x.indrelid = $1::regclass
       and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
    [table],
  );
  return rows as Array<{ name: string; definition: string }>;
}

async function withAdmin(url: string, run: (sql: postgres.Sql) => Promise<void>): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await run(sql);
  } finally {
    await sql.end();
  }
}

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
