import PgBoss from 'pg-boss';
import { type Database, sqlExecutorFor } from '../../db/index.ts';
import {
  ACCOUNT_MAIL_QUEUE,
  BULK_ACTION_QUEUE,
  QUEUE_EXPORT_QUEUE,
  TRACKING_CODE_MAIL_QUEUE,
} from '../core/jobPort.ts';
import { EFFECT_QUEUES } from './effectJob.ts';

/** pg-boss's own PostgreSQL schema (its default), beside our tables. */
export const PGBOSS_SCHEMA = 'pgboss';

/** Uploaded files waiting for the virus scanner (`attachments/scanAttachment.ts`). */
export const SCAN_QUEUE = 'attachment-scan';

/** Invitation mails to new staff members (`staff/sendInvitationMail.ts`). */
/**
 * Bulk actions and large exports run for minutes (500 dossiers, 100,000 rows): expiring
 * them after a minute would redeliver a job still running. Both are harmless to redeliver
 * (items already processed are skipped; an export starts its file again).
 */
const LONG_JOB_MIN_EXPIRE_IN_SECONDS = 10 * 60;

export const STAFF_INVITATION_QUEUE = 'staff-invitation';

/**
 * How effect jobs are retried. Set on the queues, not on each job, so a deployment can
 * change it (and tests can shorten it) without touching the jobs already enqueued.
 */
export interface EffectRetryPolicy {
  /** Attempts after the first one. */
  retryLimit: number;
  /** Base delay; pg-boss doubles it at each attempt, with jitter (×1 to ×2). */
  retryDelaySeconds: number;
  /**
   * How long a job may stay active before pg-boss considers its worker dead and
   * redelivers it (a worker killed mid-job: docs/SECURITY.md §24). Above every handler timeout.
   */
  expireInSeconds: number;
}

/**
 * A scan may take up to the clamd client's 60 s timeout (`attachments/virusScanner.ts`),
 * so its queue never expires a job sooner than this, whatever the effect policy says.
 */
export const SCAN_MIN_EXPIRE_IN_SECONDS = 90;

/**
 * 10 retries from 30 s, doubling: the last one comes 4 to 8 hours after the first
 * failure, enough to ride out a mail server or webhook receiver outage.
 *
 * Expiry 60 s: above the slowest handler (the mailer gives up after 15 s to connect,
 * 15 s for the greeting, 30 s of silence; a webhook after 10 s), and short enough that
 * a job left active by a killed worker runs again about a minute later, plus at most
 * one maintenance interval (`startWorker`), rather than after 5 + 2 minutes.
 */
export const DEFAULT_EFFECT_RETRY: EffectRetryPolicy = {
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 60,
};

/**
 * Creates (or migrates) pg-boss's schema and the effect queues, and applies the retry
 * policy to them. Idempotent, and safe from several processes at once: pg-boss installs
 * its schema under its own advisory lock (a loser retries and finds it installed), and
 * the queues are set up under ours, because two concurrent `create_queue` calls
 * deadlock on the partitioned job table. Calls from one process are chained, as PGlite
 * has one connection that a script's BEGIN/COMMIT cannot share. Must have run before
 * `enqueueEffects` is used on a database; `startWorker` calls it too.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL });
 * await ensureJobSchema(database);
 */
export function ensureJobSchema(
  database: Database,
  retry: EffectRetryPolicy = DEFAULT_EFFECT_RETRY,
): Promise<void> {
  // Keyed by the executor: test helpers wrap a Database in a new object, not a new pool.
  const previous = inProgress.get(database.executeSql) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => setUp(database, retry));
  inProgress.set(database.executeSql, next);
  return next;
}

const inProgress = new WeakMap<Database['executeSql'], Promise<void>>();

async function setUp(database: Database, retry: EffectRetryPolicy): Promise<void> {
  const installer = await startMigrated(database);
  await installer.stop({ graceful: false, close: false });
  await database.db.transaction(async (tx) => {
    const executeSql = sqlExecutorFor(tx);
    await executeSql('select pg_advisory_xact_lock(hashtext($1))', ['guichet.pgboss.queues']);
    // Never started: only its queue commands are used, on our transaction.
    const queues = new PgBoss({ schema: PGBOSS_SCHEMA, db: { executeSql } });
    for (const name of [
      ...Object.values(EFFECT_QUEUES),
      SCAN_QUEUE,
      STAFF_INVITATION_QUEUE,
      ACCOUNT_MAIL_QUEUE,
      BULK_ACTION_QUEUE,
      QUEUE_EXPORT_QUEUE,
      TRACKING_CODE_MAIL_QUEUE,
    ]) {
      const options = {
        name,
        policy: 'standard' as const,
        retryLimit: retry.retryLimit,
        retryDelay: retry.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds:
          name === SCAN_QUEUE
            ? Math.max(retry.expireInSeconds, SCAN_MIN_EXPIRE_IN_SECONDS)
            : name === BULK_ACTION_QUEUE || name === QUEUE_EXPORT_QUEUE
              ? Math.max(retry.expireInSeconds, LONG_JOB_MIN_EXPIRE_IN_SECONDS)
              : retry.expireInSeconds,
        // Jobs waiting for a worker are kept 30 days (pg-boss: 14), so a long outage of
        // the worker loses nothing either.
        retentionMinutes: 30 * 24 * 60,
      };
      await queues.createQueue(name, options);
      // A queue created by an earlier start keeps its settings: bring them up to date.
      await queues.updateQueue(name, options);
    }
  });
}

/**
 * A short-lived pg-boss that only installs or migrates its schema: no maintenance, no
 * cron, no workers. Two processes installing on a fresh database at once both see "not
 * installed"; the second then fails on objects the first created under pg-boss's lock.
 * A second attempt finds the schema installed and goes through.
 */
async function startMigrated(database: Database): Promise<PgBoss> {
  for (let attempt = 1; ; attempt += 1) {
    const boss = new PgBoss({
      schema: PGBOSS_SCHEMA,
      db: { executeSql: database.executeSql },
      migrate: true,
      supervise: false,
      schedule: false,
    });
    try {
      return await boss.start();
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
