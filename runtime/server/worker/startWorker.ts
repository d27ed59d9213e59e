import PgBoss from 'pg-boss';
import type { Database } from '../../db/index.ts';
import {
  attachmentsRoot,
  clamdScanner,
  storeBytes,
  storedPath,
  type VirusScanner,
} from '../attachments/index.ts';
import type { ServerConfig } from '../core/config.ts';
import {
  consoleEffectLog,
  createMailer,
  DEFAULT_EFFECT_RETRY,
  type EffectDeps,
  type EffectLog,
  type EffectRetryPolicy,
  ensureJobSchema,
  PGBOSS_SCHEMA,
  sealAuditLoop,
} from '../effects/index.ts';
import { purgeExpiredExports } from '../queues/index.ts';
import { jobHandlers } from './jobHandlers.ts';
import { purgeExportsLoop, sweepStalledScans } from './maintenanceLoops.ts';
import { poll } from './pollJobs.ts';

/** pg-boss maintenance interval of `startWorker` (see `WorkerOptions`). */
export const MAINTENANCE_INTERVAL_SECONDS = 10;

export interface WorkerOptions {
  database: Database;
  config: ServerConfig;
  clock?: () => Date;
  /** Let webhooks reach loopback and private addresses. Off by default (docs/SECURITY.md §14). */
  allowPrivateTargets?: boolean;
  /** How often an idle poller looks for jobs (pg-boss's minimum is 0.5 s). Default 2. */
  pollingIntervalSeconds?: number;
  /** Pollers per queue. Default 2 on PostgreSQL, 1 on PGlite (a single connection). */
  concurrency?: number;
  /**
   * How often pg-boss's maintenance re-offers expired jobs (min 1). Default 10: a job
   * left active by a killed worker runs again at most this long after it expires
   * (pg-boss's 120 s added two minutes to every redelivery). One cheap locked UPDATE
   * per interval across all processes; the expire/archive statements use indexes.
   */
  maintenanceIntervalSeconds?: number;
  /** Applied to the queues at start-up. */
  retry?: EffectRetryPolicy;
  /**
   * Scans uploaded files (docs/SECURITY.md §16). Default: clamd at `config.clamd`; none when that
   * is null, as the server then writes no scan job (files are recorded `not_scanned`).
   */
  scanner?: VirusScanner | null;
  /** How often pending files whose scan job gave up get a new one. Default 300. */
  scanSweepIntervalSeconds?: number;
  /** How often expired queue exports and their files are deleted. Default 3600. */
  exportPurgeIntervalSeconds?: number;
  /** How often new audit rows are chained (`sealAuditLoop`). Default 5. */
  auditSealIntervalSeconds?: number;
  /** How long `stop()` waits for running jobs. Default 30 s. */
  stopTimeoutMs?: number;
  log?: EffectLog;
}

export interface RunningWorker {
  /** Stops taking jobs and waits for the running ones (bounded by `stopTimeoutMs`). */
  stop(): Promise<void>;
}

/**
 * Runs the effect jobs written by `enqueueEffects` that this process can perform (mail
 * only with `config.smtp`: the others stay queued, nothing is skipped), and the virus scans of uploaded files
 * when a scanner is configured (`scanAttachment`): pg-boss over `database.executeSql`
 * (same database, PGlite or PostgreSQL), a few pollers per queue, one job at a time
 * each; it also chains new audit rows every few seconds (`sealAuditLoop`). pg-boss's
 * maintenance runs too: it re-offers jobs whose worker died mid-run
 * once they expire (docs/SECURITY.md §24) and archives finished ones.
 *
 * The pollers are ours rather than `boss.work()`: pg-boss v10 does not await a job's
 * completion and `stop()` may return while a fetch is still on its way, so a job could
 * start after the database closed. Here `stop()` (SIGTERM, docs/SECURITY.md §26) lets each
 * poller finish its job and record it, then resolves. A job still running after
 * `stopTimeoutMs` is left active: pg-boss redelivers it after it expires, and
 * `effect_runs` keeps the effect from happening twice.
 *
 * @example
 * const worker = await startWorker({ database, config });
 * process.on('SIGTERM', async () => { await worker.stop(); await database.close(); });
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { database, config } = options;
  const log = options.log ?? consoleEffectLog;
  await ensureJobSchema(database, options.retry ?? DEFAULT_EFFECT_RETRY);
  const boss = new PgBoss({
    schema: PGBOSS_SCHEMA,
    db: { executeSql: database.executeSql },
    migrate: false,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? MAINTENANCE_INTERVAL_SECONDS,
  });
  boss.on('error', (error) => log({ level: 'error', message: `pg-boss: ${error.message}` }));
  await boss.start();

  const mailer = config.smtp ? createMailer(config.smtp) : null;
  if (!mailer) {
    log({
      level: 'warn',
      message: 'SMTP_HOST not set: notification jobs stay queued for a worker that has it',
    });
  }
  const deps: EffectDeps = {
    db: database.db,
    config,
    clock: options.clock ?? (() => new Date()),
    mailer,
    allowPrivateTargets: options.allowPrivateTargets ?? false,
    storeFile: (bytes) => storeBytes(attachmentsRoot(config), bytes),
    log,
  };

  const idle = new AbortController();
  const intervalMs = Math.max(options.pollingIntervalSeconds ?? 2, 0.5) * 1000;
  const concurrency = options.concurrency ?? (database.kind === 'pglite' ? 1 : 2);
  const scanner =
    options.scanner !== undefined
      ? options.scanner
      : config.clamd === null
        ? null
        : clamdScanner(config.clamd);
  const handlers = jobHandlers({ database, config, deps, mailer, scanner });
  const filesRoot = attachmentsRoot(config);
  const pollers: Array<Promise<void>> = [];
  for (const handler of handlers) {
    for (let i = 0; i < concurrency; i += 1) {
      pollers.push(poll({ boss, handler, log, intervalMs, idle: idle.signal }));
    }
  }
  pollers.push(
    sealAuditLoop({
      db: database.db,
      intervalMs: (options.auditSealIntervalSeconds ?? 5) * 1000,
      idle: idle.signal,
      log,
    }),
  );
  pollers.push(
    purgeExportsLoop({
      purge: () =>
        purgeExpiredExports(database.db, deps.clock(), (key) => storedPath(filesRoot, key)),
      intervalMs: (options.exportPurgeIntervalSeconds ?? 3600) * 1000,
      idle: idle.signal,
      log,
    }),
  );
  if (scanner !== null) {
    const sweepMs = (options.scanSweepIntervalSeconds ?? 300) * 1000;
    pollers.push(sweepStalledScans({ deps, intervalMs: sweepMs, idle: idle.signal }));
  }

  return {
    async stop() {
      if (idle.signal.aborted) return;
      idle.abort();
      const timeoutMs = options.stopTimeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const result = await Promise.race([Promise.all(pollers), timedOut]);
      clearTimeout(timer);
      if (result === 'timeout') log({ level: 'warn', message: 'stopped with jobs still running' });
      await boss.stop({ graceful: false, close: false });
      mailer?.close();
    },
  };
}
