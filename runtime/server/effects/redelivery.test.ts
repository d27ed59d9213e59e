import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effect } from '../../../shared/definition/types.ts';
import type { Database } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { loadConfig, type ServerConfig } from '../core/config.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { type RunningWorker, startWorker } from '../worker/startWorker.ts';
import type { EffectJobData } from './effectJob.ts';
import { claimEffectRun } from './effectRuns.ts';
import { ensureJobSchema, PGBOSS_SCHEMA } from './jobSchema.ts';
import { createMailer } from './mailer.ts';
import { performEffect } from './performEffect.ts';
import { effectsDefinition, TEST_WEBHOOK_SECRET } from './testing/effectsDefinition.ts';
import { effectsFor, enqueueCommitted, seedEffectDossier } from './testing/seedEffectDossier.ts';
import { type SmtpSink, startSmtpSink } from './testing/startSmtpSink.ts';
import { tempFileStore } from './testing/tempFileStore.ts';

// docs/SECURITY.md §24: a worker killed in the middle of a job. pg-boss re-offers the job once it
// expires; `effect_runs` decides whether the effect still has to happen. The "killed
// worker" is a bare pg-boss that fetches the job (making it active) and never reports.

const RETRY = { retryLimit: 3, retryDelaySeconds: 1, expireInSeconds: 1 };
const NOTIFY: Effect = { type: 'notify', template: 'decision', to: { kind: 'applicant' } };

let database: Database;
let sink: SmtpSink;
let world: SeededTenant;
let config: ServerConfig;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureJobSchema(database, RETRY);
  sink = await startSmtpSink();
  world = await seedTenant(database.db, { definition: effectsDefinition });
  config = {
    ...loadConfig({}),
    smtp: { host: sink.host, port: sink.port, from: 'Guichet <ne-pas-repondre@guichet.test>' },
    webhookSecret: TEST_WEBHOOK_SECRET,
  };
});

afterAll(async () => {
  await worker?.stop();
  await sink?.close();
  await database?.close();
});

/** Takes the next notify job as a worker would, then "dies": the job stays active. */
async function fetchAndDie(): Promise<PgBoss.Job<EffectJobData>> {
  const doomed = new PgBoss({ schema: PGBOSS_SCHEMA, db: { executeSql: database.executeSql } });
  const [job] = await doomed.fetch<EffectJobData>('effect-notify');
  if (!job) throw new Error('no notify job to fetch');
  return job;
}

async function finalJob(
  id: string,
  timeoutMs = 20_000,
): Promise<{ state: string; output: unknown }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await database.executeSql(
      `select state, output from ${PGBOSS_SCHEMA}.job where name = 'effect-notify' and id = $1`,
      [id],
    );
    const row = rows[0] as { state: string; output: unknown } | undefined;
    if (row?.state === 'completed') return row;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${row?.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a worker killed mid-job', () => {
  it('after the mail went out: the redelivered job sends nothing more', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    await enqueueCommitted(database.db, effectsFor(world, dossier, [NOTIFY]));
    const job = await fetchAndDie();
    const mailer = createMailer(config.smtp!);
    const deps = {
      db: database.db,
      config,
      clock: () => new Date(),
      mailer,
      allowPrivateTargets: false,
      storeFile: tempFileStore().storeFile,
      log: () => {},
    };
    expect(await performEffect(deps, job.data)).toMatchObject({ status: 'done' });
    mailer.close();
    await sink.waitFor(1);

    worker = await startWorker({
      database,
      config,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
      retry: RETRY,
      log: () => {},
    });
    expect(await finalJob(job.id)).toMatchObject({ output: { status: 'already-done' } });
    expect(sink.messages).toHaveLength(1);
  });

  it('before the mail went out: the redelivered job sends it, once', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    // The worker is running: stop it so the doomed one gets the job.
    await worker?.stop();
    await enqueueCommitted(database.db, effectsFor(world, dossier, [NOTIFY]));
    const job = await fetchAndDie();
    expect(await claimEffectRun(database.db, job.data, 'notify')).toBe(true);

    worker = await startWorker({
      database,
      config,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
      retry: RETRY,
      log: () => {},
    });
    expect(await finalJob(job.id)).toMatchObject({ output: { status: 'done' } });
    await sink.waitFor(2);
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages[1]?.subject).toBe(`Décision sur votre demande ${dossier.reference}`);
  });
});
