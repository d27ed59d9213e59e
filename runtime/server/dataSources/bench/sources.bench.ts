/**
 * `npm run bench:sources`: the 35,000 French communes as a reference table, through the
 * real HTTP API on the driver `DATABASE_URL` selects (PGlite otherwise): the admin's
 * import of the whole CSV in one request, then 400 searches as a citizen types them
 * (one to eight characters of real-looking names, common prefixes included). Prints the
 * import time and p50/p95/max of the searches, and exits non-zero past the targets:
 * import under 20 s, search p95 under 50 ms (docs/CONTRIBUTING.md, « Benchmarks »).
 */
import { sourcedChoicesDefinition } from '../../../../shared/testing/sourcedChoicesDefinition.ts';
import { insertPublishedDemarche } from '../../demo/index.ts';
import { seedTenant } from '../../testing/seedTenant.ts';
import { startTestServer } from '../../testing/startTestServer.ts';
import { communesCsv } from '../testing/communesCsv.ts';

const ROWS = 35_000;
const SEARCHES = 400;
const IMPORT_TARGET_MS = 20_000;
const SEARCH_P95_TARGET_MS = 50;
const TYPED = [
  's',
  'sa',
  'sain',
  'saint-',
  'sainte-q',
  'vil',
  'villeneuve-1',
  'chat',
  'épi',
  'mont',
  'le p',
  'forez',
  'rhone',
  '35',
  '01234',
];

const server = await startTestServer();
try {
  const world = await seedTenant(server.database.db);
  await insertPublishedDemarche(server.database.db, world.tenantId, sourcedChoicesDefinition());
  const admin = server.client();
  await admin.trpc.auth.login.mutate({
    tenant: world.slug,
    email: world.accounts.admin.email,
    password: world.accounts.admin.password,
  });
  const csv = communesCsv(ROWS);
  const started = performance.now();
  await admin.trpc.dataSources.importTable.mutate({ code: 'communes', label: 'Communes', csv });
  const importMs = performance.now() - started;

  const citizen = server.client();
  const samples: number[] = [];
  for (let i = 0; i < SEARCHES; i += 1) {
    const query = TYPED[i % TYPED.length]!;
    const before = performance.now();
    await citizen.trpc.dataSources.search.query({
      tenant: world.slug,
      demarche: 'aide-scolaire',
      source: 'communes',
      query,
    });
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const p95 = at(0.95);
  console.log(
    `Reference table bench on ${server.database.kind}, ${ROWS} rows (${(csv.length / 1e6).toFixed(2)} MB)`,
  );
  console.log(`  import: ${importMs.toFixed(0)} ms (target < ${IMPORT_TARGET_MS} ms)`);
  console.log(
    `  search: p50 ${at(0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms over ${SEARCHES} (target p95 < ${SEARCH_P95_TARGET_MS} ms)`,
  );
  if (importMs > IMPORT_TARGET_MS || p95 > SEARCH_P95_TARGET_MS) process.exitCode = 1;
} finally {
  await server.close();
}
