import { createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effect } from '../../../shared/definition/types.ts';
import { type Database, dossierEvents } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { loadConfig, type ServerConfig } from '../core/config.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { type RunningWorker, startWorker } from '../worker/startWorker.ts';
import type { EffectLogEntry } from './effectDeps.ts';
import { effectIdOf, effectKeyOf } from './effectJob.ts';
import { enqueueEffects } from './enqueueEffects.ts';
import { ensureJobSchema, PGBOSS_SCHEMA } from './jobSchema.ts';
import { effectsDefinition, FAST_RETRY, TEST_WEBHOOK_SECRET } from './testing/effectsDefinition.ts';
import { effectsFor, enqueueCommitted, seedEffectDossier } from './testing/seedEffectDossier.ts';
import { type SmtpSink, startSmtpSink } from './testing/startSmtpSink.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/startWebhookReceiver.ts';

// The transactional outbox end to end: jobs written in the dossier's transaction, run
// by a real worker against a real SMTP server and a real HTTP receiver on loopback.

const ACKNOWLEDGE: Effect = {
  type: 'notify',
  template: 'accuse-reception',
  to: { kind: 'applicant' },
};

let database: Database;
let sink: SmtpSink;
let receiver: WebhookReceiver;
let world: SeededTenant;
let config: ServerConfig;
let worker: RunningWorker | undefined;
const logs: EffectLogEntry[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureJobSchema(database, FAST_RETRY);
  [sink, receiver] = await Promise.all([startSmtpSink(), startWebhookReceiver()]);
  world = await seedTenant(database.db, { definition: effectsDefinition });
  config = {
    ...loadConfig({}),
    // Letters' PDFs go to the attachments' store beside it: a temporary folder.
    dataDir: join(await mkdtemp(join(tmpdir(), 'guichet-outbox-')), 'pglite'),
    smtp: { host: sink.host, port: sink.port, from: 'Guichet <ne-pas-repondre@guichet.test>' },
    webhookSecret: TEST_WEBHOOK_SECRET,
  };
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all([sink?.close(), receiver?.close()]);
  await database?.close();
});

function start(): Promise<RunningWorker> {
  return startWorker({
    database,
    config,
    allowPrivateTargets: true,
    pollingIntervalSeconds: 0.5,
    retry: FAST_RETRY,
    stopTimeoutMs: 10_000,
    log: (entry) => logs.push(entry),
  });
}

async function jobState(name: string, id: string): Promise<string | null> {
  const { rows } = await database.executeSql(
    `select state from ${PGBOSS_SCHEMA}.job where name = $1 and id = $2
     union all select state from ${PGBOSS_SCHEMA}.archive where name = $1 and id = $2`,
    [name, id],
  );
  return (rows[0] as { state: string } | undefined)?.state ?? null;
}

async function waitForJobState(
  name: string,
  id: string,
  state: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await jobState(name, id)) !== state) {
    if (Date.now() > deadline) throw new Error(`job ${id} not ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('transactional outbox', () => {
  it('runs a job committed while no worker was running (crash after commit, docs/SECURITY.md §23)', async () => {
    const dossier = await seedEffectDossier(database.db, world, {
      data: { nom: 'Dupont', prenom: 'Claire' },
    });
    await enqueueCommitted(database.db, effectsFor(world, dossier, [ACKNOWLEDGE]));
    const id = effectIdOf(world.tenantId, effectKeyOf(dossier.dossierId, dossier.eventSeq, 0));
    expect(await jobState('effect-notify', id)).toBe('created');
    expect(sink.messages).toHaveLength(0);

    worker = await start();
    const [mail] = await sink.waitFor(1);
    expect(mail?.recipients).toEqual([world.accounts.citizen.email]);
    expect(mail?.subject).toBe(`Votre demande ${dossier.reference} a bien été reçue`);
    expect(mail?.text).toContain('Bonjour Claire,');
    expect(mail?.text).toContain(`Nous avons bien reçu votre demande ${dossier.reference}.`);
    expect(mail?.headers['message-id']).toBe(`<${id}@guichet>`);
    expect(mail?.headers['auto-submitted']).toBe('auto-generated');
    await waitForJobState('effect-notify', id, 'completed');
  });

  it('never runs a job whose transaction rolled back', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const request = effectsFor(world, dossier, [ACKNOWLEDGE]);
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEffects(tx, request);
        throw new Error('the dossier change failed');
      }),
    ).rejects.toThrow('the dossier change failed');
    const id = effectIdOf(world.tenantId, effectKeyOf(dossier.dossierId, dossier.eventSeq, 0));
    expect(await jobState('effect-notify', id)).toBeNull();

    // A later committed job goes through; the rolled-back one never shows up.
    const before = sink.messages.length;
    const other = await seedEffectDossier(database.db, world);
    await enqueueCommitted(database.db, effectsFor(world, other, [ACKNOWLEDGE]));
    await sink.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sink.messages).toHaveLength(before + 1);
    expect(sink.messages.at(-1)?.subject).toContain(other.reference);
    expect(sink.messages.some((m) => m.subject.includes(dossier.reference))).toBe(false);
  });

  it('enqueues only mail, webhook and letter effects, each once even if enqueued twice', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const request = effectsFor(world, dossier, [
      { type: 'route' },
      { type: 'letter', template: 'accord' },
    ]);
    await enqueueCommitted(database.db, request);
    await enqueueCommitted(database.db, request);
    const { rows } = await database.executeSql(
      `select name, data->>'effectKey' as key from ${PGBOSS_SCHEMA}.job where data->>'dossierId' = $1
       union all select name, data->>'effectKey' from ${PGBOSS_SCHEMA}.archive where data->>'dossierId' = $1`,
      [dossier.dossierId],
    );
    expect(rows).toEqual([
      { name: 'effect-letter', key: `${dossier.dossierId}:${dossier.eventSeq}:1` },
    ]);
    const id = effectIdOf(world.tenantId, `${dossier.dossierId}:${dossier.eventSeq}:1`);
    await waitForJobState('effect-letter', id, 'completed');
    const letters = await database.db
      .select({ payload: dossierEvents.payload })
      .from(dossierEvents)
      .where(
        and(
          eq(dossierEvents.tenantId, world.tenantId),
          eq(dossierEvents.dossierId, dossier.dossierId),
          eq(dossierEvents.type, 'letter_generated'),
        ),
      );
    expect(letters).toEqual([
      {
        payload: {
          template: 'accord',
          title: 'Notification d’accord',
          text: 'Madame, Monsieur Dupont, votre demande est acceptée.',
          effectKey: `${dossier.dossierId}:${dossier.eventSeq}:1`,
          attachmentId: expect.any(String),
          fileName: `accord-${dossier.reference}.pdf`,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
    ]);
  });

  it('signs webhooks and redelivers after a 500 with the same event id (docs/SECURITY.md §19)', async () => {
    receiver.respondWith((index) => (index === 0 ? 500 : 204));
    const dossier = await seedEffectDossier(database.db, world);
    const hook: Effect = { type: 'webhook', url: receiver.url, event: 'aide.accordee' };
    await enqueueCommitted(
      database.db,
      effectsFor(world, dossier, [hook], { transition: 'accepter' }),
    );

    const [first, second] = await receiver.waitFor(2, 20_000);
    expect(first?.status).toBe(500);
    expect(second?.status).toBe(204);
    const eventId = effectIdOf(world.tenantId, effectKeyOf(dossier.dossierId, dossier.eventSeq, 0));
    for (const delivery of [first!, second!]) {
      expect(delivery.headers['x-guichet-event-id']).toBe(eventId);
      const timestamp = String(delivery.headers['x-guichet-timestamp']);
      const expected = `sha256=${createHmac('sha256', TEST_WEBHOOK_SECRET).update(`${timestamp}.${delivery.body}`).digest('hex')}`;
      expect(delivery.headers['x-guichet-signature']).toBe(expected);
      expect(delivery.headers['content-type']).toBe('application/json');
    }
    expect(second?.body).toBe(first?.body);
    expect(JSON.parse(second!.body)).toEqual({
      id: eventId,
      type: 'aide.accordee',
      tenant: world.slug,
      dossier: { id: dossier.dossierId, reference: dossier.reference, state: 'accepte' },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await waitForJobState('effect-webhook', eventId, 'completed');
    // The failed attempt was logged without the secret.
    expect(logs.some((entry) => entry.message.includes('500'))).toBe(true);
    expect(JSON.stringify(logs)).not.toContain(TEST_WEBHOOK_SECRET);
    receiver.respondWith(() => 204);
  });

  it('stop() lets a running job finish and record itself (docs/SECURITY.md §26)', async () => {
    receiver.respondWith(() => 204, 1_500);
    const before = receiver.requests.length;
    const dossier = await seedEffectDossier(database.db, world);
    const hook: Effect = { type: 'webhook', url: receiver.url };
    await enqueueCommitted(
      database.db,
      effectsFor(world, dossier, [hook], { transition: 'accepter' }),
    );
    const id = effectIdOf(world.tenantId, effectKeyOf(dossier.dossierId, dossier.eventSeq, 0));
    await waitForJobState('effect-webhook', id, 'active');

    await worker?.stop();
    worker = undefined;
    expect(await jobState('effect-webhook', id)).toBe('completed');
    expect(receiver.requests.length).toBe(before + 1);
    receiver.respondWith(() => 204);
  });
});
