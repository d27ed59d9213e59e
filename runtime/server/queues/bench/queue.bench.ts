/**
 * `npm run bench:queue`: the back-office queue on 1,000,000 dossiers (docs/CONTRIBUTING.md, « Benchmarks »:
 * filter + sort + page in p95 under 30 ms). PostgreSQL only: it reads DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test), seeds its own database once
 * (cached between runs), then times each typical query through the queue services —
 * the code the API runs, not hand-written SQL — and prints p50/p95 per query and
 * overall, and EXPLAIN (ANALYZE, BUFFERS) of the slowest.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../../../db/schema/index.ts';
import type { AppDatabase } from '../../../db/types.ts';
import { type BenchQuery, benchQueries } from './benchQueries.ts';
import { BENCH_DATABASE, prepareBenchDatabase } from './prepareBenchDatabase.ts';

const RUNS = 100;
const WARM_UP = 5;
const TARGET_P95_MS = 30;

const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const log = (line: string) => console.log(line);

const database = await prepareBenchDatabase(baseUrl, log);
const queries = await benchQueries(database.executeSql, database.db);

interface Timing {
  query: BenchQuery;
  samples: number[];
  worstIteration: number;
}

// Round-robin: iteration i of every query, then i + 1, so a burst of load from elsewhere
// on the machine spreads over all queries instead of sinking one.
const timings: Timing[] = queries.map((query) => ({ query, samples: [], worstIteration: 0 }));
for (let i = 0; i < WARM_UP; i += 1)
  for (const query of queries) await query.run(database.db, RUNS + i);
for (let i = 0; i < RUNS; i += 1) {
  for (const timing of timings) {
    const started = performance.now();
    await timing.query.run(database.db, i);
    timing.samples.push(performance.now() - started);
    if (timing.samples[i]! > timing.samples[timing.worstIteration]!) timing.worstIteration = i;
  }
}

const all = timings.flatMap((timing) => timing.samples);
log(
  `\nQueue benchmark: ${RUNS} runs per query after ${WARM_UP} warm-up runs, one client, target p95 < ${TARGET_P95_MS} ms`,
);
log(
  `${'query'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
);
for (const { query, samples } of timings) {
  const p95 = percentile(samples, 95);
  const flag = p95 < TARGET_P95_MS ? '' : '  ← misses the target';
  log(
    `${query.name.padEnd(30)} ${fmt(percentile(samples, 50))} ${fmt(p95)} ${fmt(Math.max(...samples))}${flag}`,
  );
}
log(
  `${'overall'.padEnd(30)} ${fmt(percentile(all, 50))} ${fmt(percentile(all, 95))} ${fmt(Math.max(...all))}`,
);
// The tabs' counts on their own: exact since migration 0012 (counter tables), same target.
const countSamples = timings
  .filter((timing) => timing.query.name.startsWith('counts'))
  .flatMap((timing) => timing.samples);
log(
  `${'counts (all viewers)'.padEnd(30)} ${fmt(percentile(countSamples, 50))} ${fmt(percentile(countSamples, 95))} ${fmt(Math.max(...countSamples))}`,
);
const misses = timings.filter((timing) => percentile(timing.samples, 95) >= TARGET_P95_MS);
log(
  misses.length === 0
    ? `All queries meet p95 < ${TARGET_P95_MS} ms.`
    : `${misses.length} queries miss p95 < ${TARGET_P95_MS} ms.`,
);

const slowest = timings.reduce((a, b) =>
  percentile(b.samples, 95) > percentile(a.samples, 95) ? b : a,
);
await explainSlowest(slowest);
await database.close();
process.exitCode = misses.length === 0 ? 0 : 1;

/**
 * Runs the slowest query's worst variant once more on a drizzle instance that records
 * its statements, then EXPLAINs (ANALYZE, BUFFERS) the one that took longest.
 */
async function explainSlowest(timing: Timing): Promise<void> {
  const url = new URL(baseUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const recording = drizzle(client, {
    schema,
    logger: { logQuery: (sql, params) => statements.push({ sql, params }) },
  }) as unknown as AppDatabase;
  await timing.query.run(recording, timing.worstIteration);
  let worst = { ms: -1, plan: '' };
  for (const statement of statements) {
    const rows = await client.unsafe(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.params as never[],
    );
    const plan = rows.map((row) => (row as Record<string, string>)['QUERY PLAN']).join('\n');
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 0);
    if (ms > worst.ms)
      worst = {
        ms,
        plan: `${statement.sql}\n-- params: ${JSON.stringify(statement.params)}\n${plan}`,
      };
  }
  log(
    `\nSlowest by p95: ${timing.query.name} (variant ${timing.worstIteration}); its costliest statement:\n${worst.plan}`,
  );
  await client.end();
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function fmt(ms: number): string {
  return ms.toFixed(2).padStart(8);
}
