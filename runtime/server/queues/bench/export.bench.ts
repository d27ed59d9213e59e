/**
 * `npm run bench:export`: a durable queue export of 100,000 dossiers (issue 16: « the export
 * of 100,000 dossiers finishes, in memory bounded by streaming »). Seeds a scratch database
 * (PostgreSQL at DATABASE_URL, else PGlite), runs `performExport` — the worker's code — as
 * the tenant's admin into a temporary file store, samples `heapUsed` and RSS every 50 ms,
 * and prints the time, the file's size and the memory growth over the start (peak, and
 * after a collection at the end: run with --expose-gc, as the npm script does). Ends with
 * one line `RESULT {json}`. The growth must not follow the row count: one page (100 rows)
 * is held at a time; `EXPORT_BENCH_ROWS` changes the count to compare.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJobs } from '../../../db/index.ts';
import { openTestDatabase } from '../../../db/testing/openTestDatabase.ts';
import { commitFile, temporaryPath } from '../../attachments/index.ts';
import { seedTenant } from '../../testing/seedTenant.ts';
import { performExport } from '../performExport.ts';
import { seedManyDossiers } from '../testing/seedManyDossiers.ts';

const ROWS = Number(process.env.EXPORT_BENCH_ROWS ?? 100_000);
const MB = 1024 * 1024;

const database = await openTestDatabase();
const root = await mkdtemp(join(tmpdir(), 'guichet-export-bench-'));
try {
  const world = await seedTenant(database.db);
  const seeding = performance.now();
  for (let done = 0; done < ROWS; done += 10_000) {
    await seedManyDossiers(database.db, world, Math.min(10_000, ROWS - done), `B${done / 10_000}`);
  }
  console.log(
    `seeded ${ROWS.toLocaleString('en')} dossiers in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const [job] = await database.db
    .insert(exportJobs)
    .values({
      tenantId: world.tenantId,
      requesterId: world.accounts.admin.id,
      sessionId: 'bench',
      idempotencyKey: 'bench-export',
      format: 'csv',
      filters: {},
      expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
    })
    .returning({ id: exportJobs.id });

  globalThis.gc?.();
  const start = process.memoryUsage();
  let peakHeap = start.heapUsed;
  let peakRss = start.rss;
  let peakExternal = start.external;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
    peakExternal = Math.max(peakExternal, now.external);
  }, 50);
  const began = performance.now();
  await performExport(
    {
      db: database.db,
      clock: () => new Date(),
      temporaryPath: () => temporaryPath(root),
      commitFile: (temp, sha256) => commitFile(root, temp, sha256),
    },
    { tenantId: world.tenantId, exportId: job!.id },
  );
  const seconds = (performance.now() - began) / 1000;
  clearInterval(sampler);
  globalThis.gc?.();
  const end = process.memoryUsage();
  const [row] = await database.db.select().from(exportJobs);
  const result = {
    driver: database.kind,
    rows: row?.rows ?? 0,
    seconds: Number(seconds.toFixed(1)),
    file_mb: Number(((row?.sizeBytes ?? 0) / MB).toFixed(1)),
    heap_start_mb: Number((start.heapUsed / MB).toFixed(1)),
    heap_growth_mb: Number(((peakHeap - start.heapUsed) / MB).toFixed(1)),
    rss_growth_mb: Number(((peakRss - start.rss) / MB).toFixed(1)),
    heap_retained_mb: Number(((end.heapUsed - start.heapUsed) / MB).toFixed(1)),
    rss_end_growth_mb: Number(((end.rss - start.rss) / MB).toFixed(1)),
    external_growth_mb: Number(((peakExternal - start.external) / MB).toFixed(1)),
  };
  console.log('| measure | value |\n| --- | --- |');
  for (const [key, value] of Object.entries(result)) console.log(`| ${key} | ${value} |`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await database.close();
  await rm(root, { recursive: true, force: true });
}
