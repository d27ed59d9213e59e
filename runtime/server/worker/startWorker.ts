import PgBoss from 'pg-boss';
import type { Database } from '../../db/index.ts';
import { sendTrackingCodeMail } from '../anonymous/index.ts';
import {
  attachmentsRoot,
  clamdScanner,
  commitFile,
  decodeScanJob,
  requeueStalledScans,
  scanAttachment,
  storeBytes,
  storedPath,
  temporaryPath,
  type VirusScanner,
} from '../attachments/index.ts';
import { sendAccountMail } from '../auth/index.ts';
import { performBulkJob } from '../collaboration/index.ts';
import type { ServerConfig } from '../core/config.ts';
import {
  ACCOUNT_MAIL_QUEUE,
  BULK_ACTION_QUEUE,
  QUEUE_EXPORT_QUEUE,
  TRACKING_CODE_MAIL_QUEUE,
} from '../core/jobPort.ts';
import { wakeAfter } from '../core/wakeAfter.ts';
import { createUrlSourceCache, URL_SOURCE_LIMITS } from '../dataSources/index.ts';
import { unitsFromDatabase } from '../dossiers/index.ts';
import {
  consoleEffectLog,
  createMailer,
  DEFAULT_EFFECT_RETRY,
  type DurableEffect,
  decodeEffectJob,
  EFFECT_QUEUES,
  type EffectDeps,
  type EffectLog,
  type EffectRetryPolicy,
  effectJobDataSchema,
  enqueueEffects,
  ensureJobSchema,
  PGBOSS_SCHEMA,
  performEffect,
  SCAN_QUEUE,
  STAFF_INVITATION_QUEUE,
  sealAuditLoop,
} from '../effects/index.ts';
import { performExport, purgeExpiredExports } from '../queues/index.ts';
import { sendInvitationMail } from '../staff/index.ts';

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
  // A worker subscribes only to the effects it can perform: one without SMTP leaves the
  // mails queued (another worker, or this one restarted with SMTP_HOST, sends them)
  // instead of consuming them as skipped.
  const performable = (Object.keys(EFFECT_QUEUES) as DurableEffect['type'][]).filter(
    (type) => type !== 'notify' || mailer !== null,
  );
  const handlers: JobHandler[] = performable.map((type) => ({
    queue: EFFECT_QUEUES[type],
    perform: (data) => performEffect(deps, decodeEffectJob(data)),
    describe: (data) => {
      const job = effectJobDataSchema.safeParse(data);
      return job.success
        ? { effectKey: job.data.effectKey, kind: job.data.effect.type }
        : { effectKey: 'unknown', kind: type };
    },
  }));
  if (mailer !== null) {
    // Invitation mails: the worker draws each token as it sends it (docs/SECURITY.md §40).
    const invitationDeps = {
      db: database.db,
      mailer,
      clock: deps.clock,
      publicOrigin: config.publicOrigin,
    };
    handlers.push({
      queue: STAFF_INVITATION_QUEUE,
      perform: (data) => sendInvitationMail(invitationDeps, data),
      describe: (data) => {
        const id = (data as { invitationId?: unknown } | null)?.invitationId;
        return {
          effectKey: `invitation:${typeof id === 'string' ? id : 'unknown'}`,
          kind: 'invitation',
        };
      },
    });
    // Citizens' confirmation and reset links, drawn as they are sent (docs/SECURITY.md §50–§51),
    // and the password-changed notice (§110).
    handlers.push({
      queue: ACCOUNT_MAIL_QUEUE,
      perform: (data) => sendAccountMail(invitationDeps, data),
      describe: (data) => {
        const job = data as { tokenId?: unknown; userId?: unknown; at?: unknown } | null;
        // A link names its token; a notice (§110) its account and instant.
        if (typeof job?.tokenId !== 'string' && typeof job?.userId === 'string') {
          return {
            effectKey: `account-notice:${job.userId}:${String(job.at)}`,
            kind: 'account-notice',
          };
        }
        const id = job?.tokenId;
        return {
          effectKey: `account-link:${typeof id === 'string' ? id : 'unknown'}`,
          kind: 'account-link',
        };
      },
    });
    // Tracking codes of dossiers filed without an account, drawn as they are sent (§111).
    handlers.push({
      queue: TRACKING_CODE_MAIL_QUEUE,
      perform: (data) => sendTrackingCodeMail(invitationDeps, data),
      describe: (data) => {
        const id = (data as { dossierId?: unknown } | null)?.dossierId;
        return {
          effectKey: `tracking-code:${typeof id === 'string' ? id : 'unknown'}`,
          kind: 'tracking-code',
        };
      },
    });
  }
  // Agents' bulk actions (issue 16): each dossier as its requester, outcomes kept per item.
  const bulkDeps = {
    db: database.db,
    clock: deps.clock,
    units: unitsFromDatabase,
    urlSources: createUrlSourceCache(URL_SOURCE_LIMITS),
    enqueueEffects,
  };
  handlers.push({
    queue: BULK_ACTION_QUEUE,
    perform: (data) => performBulkJob(bulkDeps, data),
    describe: (data) => {
      const id = (data as { jobId?: unknown } | null)?.jobId;
      return { effectKey: `bulk:${typeof id === 'string' ? id : 'unknown'}`, kind: 'bulk' };
    },
  });
  // Queue exports above the immediate download's limit, into the file store.
  const filesRoot = attachmentsRoot(config);
  const exportDeps = {
    db: database.db,
    clock: deps.clock,
    temporaryPath: () => temporaryPath(filesRoot),
    commitFile: (temp: string, sha256: string) => commitFile(filesRoot, temp, sha256),
  };
  handlers.push({
    queue: QUEUE_EXPORT_QUEUE,
    perform: (data) => performExport(exportDeps, data),
    describe: (data) => {
      const id = (data as { exportId?: unknown } | null)?.exportId;
      return { effectKey: `export:${typeof id === 'string' ? id : 'unknown'}`, kind: 'export' };
    },
  });
  const scanner =
    options.scanner !== undefined
      ? options.scanner
      : config.clamd === null
        ? null
        : clamdScanner(config.clamd);
  if (scanner !== null) {
    const scanDeps = { ...deps, filesRoot: attachmentsRoot(config), scanner };
    handlers.push({
      queue: SCAN_QUEUE,
      perform: (data) => scanAttachment(scanDeps, decodeScanJob(data)),
      describe: (data) => {
        const job = decodeScanJobSafely(data);
        return { effectKey: `attachment:${job?.attachmentId ?? 'unknown'}`, kind: 'scan' };
      },
    });
  }
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

/**
 * Re-queues, now and then, the pending files whose scan job used up its retries while
 * the scanner was down (`requeueStalledScans`): none stays pending for good.
 */
async function sweepStalledScans(options: {
  deps: EffectDeps;
  intervalMs: number;
  idle: AbortSignal;
}): Promise<void> {
  const { deps, idle } = options;
  while (!idle.aborted) {
    await wakeAfter(options.intervalMs, idle);
    if (idle.aborted) return;
    try {
      const requeued = await requeueStalledScans(deps.db);
      if (requeued > 0) {
        deps.log({ level: 'warn', message: `${requeued} stalled scans re-queued`, kind: 'scan' });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log({ level: 'error', message, kind: 'scan' });
    }
  }
}

/**
 * Deletes expired queue exports and their files now and then (`purgeExpiredExports`): a
 * finished export is kept `EXPORT_LIFETIME_DAYS` for its requester, then goes.
 */
async function purgeExportsLoop(options: {
  purge: () => Promise<number>;
  intervalMs: number;
  idle: AbortSignal;
  log: EffectLog;
}): Promise<void> {
  const { idle } = options;
  while (!idle.aborted) {
    try {
      const purged = await options.purge();
      if (purged > 0) options.log({ level: 'info', message: `${purged} expired exports deleted` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log({ level: 'error', message, kind: 'export' });
    }
    await wakeAfter(options.intervalMs, idle);
  }
}

/** A queue and what to do with one of its jobs. */
interface JobHandler {
  queue: string;
  perform(data: unknown): Promise<unknown>;
  /** What the log may say of a job (never its data). */
  describe(data: unknown): { effectKey: string; kind: string };
}

/** One poller: fetch a job, perform it, record it; sleep when the queue is empty. */
async function poll(options: {
  boss: PgBoss;
  handler: JobHandler;
  log: EffectLog;
  intervalMs: number;
  idle: AbortSignal;
}): Promise<void> {
  const { boss, handler, log, idle } = options;
  const { queue } = handler;
  while (!idle.aborted) {
    const [job] = await boss.fetch<unknown>(queue, { batchSize: 1 }).catch(() => []);
    if (!job) {
      await wakeAfter(options.intervalMs, idle);
      continue;
    }
    try {
      const outcome = await handler.perform(job.data);
      await boss.complete(queue, job.id, outcome as object);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log({ level: 'error', message, ...handler.describe(job.data) });
      // Marks it for a retry after the queue's backoff, or failed for good past the limit.
      // If even that fails, the job stays active and pg-boss re-offers it when it expires.
      await boss.fail(queue, job.id, { message }).catch(() => {
        log({
          level: 'error',
          message: 'could not record a job failure',
          effectKey: handler.describe(job.data).effectKey,
        });
      });
    }
  }
}

function decodeScanJobSafely(data: unknown): ReturnType<typeof decodeScanJob> | null {
  try {
    return decodeScanJob(data);
  } catch {
    return null;
  }
}
