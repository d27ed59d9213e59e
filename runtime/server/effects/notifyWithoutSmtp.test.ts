import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effect } from '../../../shared/definition/types.ts';
import type { Database } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { loadConfig } from '../core/config.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { type RunningWorker, startWorker } from '../worker/startWorker.ts';
import { effectIdOf, effectKeyOf } from './effectJob.ts';
import { ensureJobSchema, PGBOSS_SCHEMA } from './jobSchema.ts';
import { effectsDefinition, FAST_RETRY } from './testing/effectsDefinition.ts';
import { effectsFor, enqueueCommitted, seedEffectDossier } from './testing/seedEffectDossier.ts';
import { type SmtpSink, startSmtpSink } from './testing/startSmtpSink.ts';

// Regression (issue 13, item 7): a worker started without SMTP_HOST took 816 notification
// jobs and recorded them as skipped, mails a configured worker would have sent.

let database: Database;
let sink: SmtpSink;
let world: SeededTenant;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureJobSchema(database, FAST_RETRY);
  sink = await startSmtpSink();
  world = await seedTenant(database.db, { definition: effectsDefinition });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await sink?.close();
  await database?.close();
});

async function start(smtp: boolean): Promise<RunningWorker> {
  const config = {
    ...loadConfig({}),
    smtp: smtp
      ? { host: sink.host, port: sink.port, from: 'Guichet <ne-pas-repondre@x.test>' }
      : null,
  };
  const worker = await startWorker({
    database,
    config,
    scanner: null,
    pollingIntervalSeconds: 0.5,
    retry: FAST_RETRY,
    stopTimeoutMs: 10_000,
    log: () => {},
  });
  workers.push(worker);
  return worker;
}

async function jobState(id: string): Promise<string | null> {
  const { rows } = await database.executeSql(
    `select state from ${PGBOSS_SCHEMA}.job where id = $1
     union all select state from ${PGBOSS_SCHEMA}.archive where id = $1`,
    [id],
  );
  return (rows[0] as { state: string } | undefined)?.state ?? null;
}

describe('a worker without SMTP', () => {
  it('leaves a notify job queued; a worker with SMTP then delivers it once', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const notify: Effect = {
      type: 'notify',
      template: 'accuse-reception',
      to: { kind: 'applicant' },
    };
    await enqueueCommitted(database.db, effectsFor(world, dossier, [notify]));
    const id = effectIdOf(world.tenantId, effectKeyOf(dossier.dossierId, dossier.eventSeq, 0));

    const withoutSmtp = await start(false);
    // Several polling rounds of the queues this worker does serve.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await jobState(id)).toBe('created');
    const { rows } = await database.executeSql(
      'select count(*)::int as runs from effect_runs where tenant_id = $1',
      [world.tenantId],
    );
    expect(rows).toEqual([{ runs: 0 }]);
    expect(sink.messages).toHaveLength(0);

    await start(true);
    const [mail] = await sink.waitFor(1);
    expect(mail?.recipients).toEqual([world.accounts.citizen.email]);
    const deadline = Date.now() + 10_000;
    while ((await jobState(id)) !== 'completed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await jobState(id)).toBe('completed');
    await withoutSmtp.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sink.messages).toHaveLength(1);
  });
});
