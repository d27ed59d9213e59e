import { mkdir } from 'node:fs/promises';
import { decoyHash } from './auth/index.ts';
import { buildDeps } from './buildDeps.ts';
import { loadConfig } from './core/config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT, seedDemo } from './demo/index.ts';
import { enqueueEffects } from './effects/index.ts';
import { createHttpServer } from './http/createHttpServer.ts';
import { closeGracefully } from './http/gracefulClose.ts';
import { openServerDatabase } from './openServerDatabase.ts';
import { startTimerLoop } from './timers/index.ts';
import { ensureWebBuild } from './webBuild/ensureWebBuild.ts';
import { startWorker } from './worker/startWorker.ts';

/**
 * `npm start`: one process serving the API and the web apps, running the effect worker
 * and firing due timers, on PGlite in `.data/` unless DATABASE_URL names a PostgreSQL
 * server. SIGTERM/SIGINT stop taking requests, let running jobs and the timer run in
 * progress finish, then exit.
 */
async function main(): Promise<void> {
  // The web apps are built first when missing or stale, unless the operator serves a
  // folder of their own (GUICHET_WEB_ROOT): then nothing is built at start-up.
  const webRoot = process.env.GUICHET_WEB_ROOT ?? (await ensureWebBuild());
  // The demo answers on any address unless the operator names another default (or none:
  // `GUICHET_DEFAULT_TENANT=`).
  const config = loadConfig({
    GUICHET_DEFAULT_TENANT: DEMO_TENANT,
    ...process.env,
    GUICHET_WEB_ROOT: webRoot,
  });
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const database = await openServerDatabase(config);
  const seeded = await seedDemo(database.db);
  // So the first login of an unknown account costs no more than any other.
  await decoyHash();
  const deps = await buildDeps({ database, config });
  const worker = await startWorker({ database, config });
  const timers =
    config.timerIntervalSeconds > 0
      ? startTimerLoop({
          database,
          enqueue: enqueueEffects,
          intervalMs: config.timerIntervalSeconds * 1000,
        })
      : null;
  const server = createHttpServer(deps);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));

  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  console.log(`Guichet écoute sur http://${config.host}:${config.port} — base : ${where}`);
  console.log(`Tenant de démonstration « ${DEMO_TENANT} »${seeded ? ' créé' : ''} ; comptes :`);
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role ?? 'citoyen'} : ${account.email} / ${DEMO_PASSWORD}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} reçu : arrêt propre…`);
    // In-flight requests finish (answered `Connection: close`), then the worker and the
    // timers, then the pool.
    await closeGracefully(server, 10_000);
    await Promise.all([worker.stop(), timers?.stop()]);
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Guichet n’a pas pu démarrer :', error);
  process.exit(1);
});
