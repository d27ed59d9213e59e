import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, dossierEvents, effectRuns } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/openTestDatabase.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { EffectDeps, EffectLogEntry } from './effectDeps.ts';
import { claimEffectRun } from './effectRuns.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { performEffect } from './performEffect.ts';
import { effectsDefinition, TEST_WEBHOOK_SECRET } from './testing/effectsDefinition.ts';
import { jobDataFor, seedEffectDossier } from './testing/seedEffectDossier.ts';
import { type SmtpSink, startSmtpSink } from './testing/startSmtpSink.ts';
import { startWebhookReceiver, type WebhookReceiver } from './testing/startWebhookReceiver.ts';
import { tempFileStore } from './testing/tempFileStore.ts';

// The handlers called directly, as a redelivered job would call them: exactly-once
// bookkeeping, recipients, template sandbox and SSRF refusals, on the real database.

let database: Database;
let sink: SmtpSink;
let receiver: WebhookReceiver;
let mailer: Mailer;
let world: SeededTenant;
const logs: EffectLogEntry[] = [];
const files = tempFileStore();

beforeAll(async () => {
  database = await openTestDatabase();
  [sink, receiver] = await Promise.all([startSmtpSink(), startWebhookReceiver()]);
  mailer = createMailer({
    host: sink.host,
    port: sink.port,
    from: 'Guichet <ne-pas-repondre@guichet.test>',
  });
  world = await seedTenant(database.db, { definition: effectsDefinition });
});

afterAll(async () => {
  mailer?.close();
  await Promise.all([sink?.close(), receiver?.close()]);
  await database?.close();
});

function deps(overrides: Partial<EffectDeps> = {}): EffectDeps {
  return {
    db: database.db,
    config: { webhookSecret: TEST_WEBHOOK_SECRET },
    clock: () => new Date(),
    mailer,
    allowPrivateTargets: true,
    storeFile: files.storeFile,
    log: (entry) => logs.push(entry),
    ...overrides,
  };
}

async function effectRun(effectKey: string) {
  const [row] = await database.db
    .select()
    .from(effectRuns)
    .where(and(eq(effectRuns.tenantId, world.tenantId), eq(effectRuns.effectKey, effectKey)));
  return row;
}

describe('a job run twice performs its effect once (docs/SECURITY.md §24)', () => {
  it('sends one mail', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'decision',
      to: { kind: 'applicant' },
    });
    const before = sink.messages.length;
    expect(await performEffect(deps(), job)).toMatchObject({
      status: 'done',
      detail: { recipients: 1 },
    });
    expect(await performEffect(deps(), job)).toEqual({ status: 'already-done' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.length).toBe(before + 1);
    expect(sink.messages.at(-1)?.subject).toBe(`Décision sur votre demande ${dossier.reference}`);
    expect((await effectRun(job.effectKey))?.doneAt).toBeInstanceOf(Date);
  });

  it('calls one webhook', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(
      world,
      dossier,
      { type: 'webhook', url: receiver.url },
      { transition: 'accepter' },
    );
    const before = receiver.requests.length;
    expect(await performEffect(deps(), job)).toEqual({ status: 'done', detail: { status: 204 } });
    expect(await performEffect(deps(), job)).toEqual({ status: 'already-done' });
    expect(receiver.requests.length).toBe(before + 1);
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toMatchObject({ type: 'dossier.accepter' });
  });

  it('writes one letter', async () => {
    const dossier = await seedEffectDossier(database.db, world, {
      data: { nom: 'Martin', prenom: 'Léa' },
    });
    const job = jobDataFor(
      world,
      dossier,
      { type: 'letter', template: 'refus' },
      { input: { motif: 'Revenus trop élevés' } },
    );
    // Two runs at once: the second waits on the effect_runs row, then finds it done.
    const outcomes = await Promise.all([performEffect(deps(), job), performEffect(deps(), job)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-done', 'done']);
    const letters = await database.db
      .select({ payload: dossierEvents.payload, actorId: dossierEvents.actorId })
      .from(dossierEvents)
      .where(
        and(
          eq(dossierEvents.dossierId, dossier.dossierId),
          eq(dossierEvents.type, 'letter_generated'),
        ),
      );
    expect(letters).toEqual([
      {
        actorId: null,
        payload: {
          template: 'refus',
          title: 'Notification de refus',
          text: 'Madame, Monsieur Martin, votre demande est refusée. Motif : Revenus trop élevés',
          effectKey: job.effectKey,
          attachmentId: expect.any(String),
          fileName: `refus-${dossier.reference}.pdf`,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
    ]);
  });

  it('performs again an effect whose earlier run never finished (worker killed mid-job)', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'decision',
      to: { kind: 'applicant' },
    });
    // The killed run had claimed the effect, then died before the SMTP server answered.
    expect(await claimEffectRun(database.db, job, 'notify')).toBe(true);
    const before = sink.messages.length;
    expect(await performEffect(deps(), job)).toMatchObject({ status: 'done' });
    await sink.waitFor(before + 1);
  });

  it('keeps retrying a webhook until the receiver accepts it, with the same event id', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(
      world,
      dossier,
      { type: 'webhook', url: receiver.url },
      { transition: 'accepter' },
    );
    receiver.respondWith(() => 503);
    const before = receiver.requests.length;
    await expect(performEffect(deps(), job)).rejects.toThrow('webhook: receiver answered 503');
    expect((await effectRun(job.effectKey))?.doneAt).toBeNull();
    receiver.respondWith(() => 200);
    expect(await performEffect(deps(), job)).toMatchObject({ status: 'done' });
    const [first, second] = receiver.requests.slice(before);
    expect(second?.headers['x-guichet-event-id']).toBe(first?.headers['x-guichet-event-id']);
    receiver.respondWith(() => 204);
  });
});

describe('recipients', () => {
  it('mails every staff member of the dossier unit, and nobody outside it', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'unit',
      to: { kind: 'unit' },
    });
    const before = sink.messages.length;
    await performEffect(deps(), job);
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.recipients.sort()).toEqual(
      [world.accounts.agent.email, world.accounts.supervisor.email].sort(),
    );
    expect(mail?.subject).toBe(`Nouveau dossier ${dossier.reference} pour ccas`);
  });

  it('mails the assignee, or records that there is nobody to tell', async () => {
    const assigned = await seedEffectDossier(database.db, world, {
      assigneeId: world.accounts.agent.id,
    });
    const unassigned = await seedEffectDossier(database.db, world);
    const effect = { type: 'notify', template: 'unit', to: { kind: 'assignee' } } as const;
    const before = sink.messages.length;
    expect(await performEffect(deps(), jobDataFor(world, assigned, effect))).toMatchObject({
      status: 'done',
    });
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.recipients).toEqual([world.accounts.agent.email]);
    const skipped = jobDataFor(world, unassigned, effect);
    expect(await performEffect(deps(), skipped)).toEqual({
      status: 'skipped',
      reason: 'NO_RECIPIENT',
    });
    expect((await effectRun(skipped.effectKey))?.result).toEqual({
      status: 'skipped',
      reason: 'NO_RECIPIENT',
    });
  });

  it('mails an explicit address', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const effect = {
      type: 'notify',
      template: 'decision',
      to: { kind: 'email', address: 'finances@mairie.test' },
    } as const;
    const before = sink.messages.length;
    await performEffect(deps(), jobDataFor(world, dossier, effect));
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.recipients).toEqual(['finances@mairie.test']);
  });
});

describe('without an SMTP server', () => {
  it('refuses a notify job before claiming it, so a worker with SMTP still sends it once', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'decision',
      to: { kind: 'applicant' },
    });
    const before = sink.messages.length;
    await expect(performEffect(deps({ mailer: null }), job)).rejects.toThrow('without SMTP');
    expect(sink.messages.length).toBe(before);
    const outcome = await performEffect(deps(), job);
    expect(outcome).toMatchObject({ status: 'done' });
    expect((await sink.waitFor(before + 1)).length).toBe(before + 1);
  });
});

describe('templates are sandboxed (docs/SECURITY.md §11)', () => {
  it('keeps markup from the data inert: literal in the text part, escaped in the HTML part', async () => {
    const nom = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const dossier = await seedEffectDossier(database.db, world, { data: { nom, prenom: 'Eve' } });
    const job = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'echo',
      to: { kind: 'applicant' },
    });
    const before = sink.messages.length;
    await performEffect(deps(), job);
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.text).toContain(`Nom déclaré : ${nom}`);
    expect(mail?.text).toContain('État : Déposé');
    expect(mail?.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(mail?.html).not.toMatch(/<script|<img/i);
    expect(mail?.headers['content-type']).toMatch(/^multipart\/alternative/);
  });

  it('cannot read files: include and render fail, nothing is sent or stored', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const before = sink.messages.length;
    const mailJob = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'include',
      to: { kind: 'applicant' },
    });
    expect(await performEffect(deps(), mailJob)).toMatchObject({
      status: 'failed',
      reason: 'TEMPLATE_ERROR',
    });
    const letterJob = {
      ...jobDataFor(world, dossier, { type: 'letter', template: 'include' }),
      effectKey: 'letter-include',
    };
    expect(await performEffect(deps(), letterJob)).toMatchObject({
      status: 'failed',
      reason: 'TEMPLATE_ERROR',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.length).toBe(before);
    const stored = JSON.stringify([
      await effectRun(mailJob.effectKey),
      await effectRun(letterJob.effectKey),
      logs,
    ]);
    expect(stored).not.toContain('root:');
  });

  it('fails for good on an unknown template, without retrying', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(world, dossier, {
      type: 'notify',
      template: 'absent',
      to: { kind: 'applicant' },
    });
    expect(await performEffect(deps(), job)).toEqual({
      status: 'failed',
      reason: 'UNKNOWN_TEMPLATE',
      detail: 'absent',
    });
  });
});

describe('webhook targets are checked before any request (docs/SECURITY.md §14)', () => {
  const port = () => new URL(receiver.url).port;
  it.each([
    ['the loopback receiver', () => receiver.url, 'FORBIDDEN_ADDRESS'],
    ['localhost', () => `http://localhost:${port()}/hooks/guichet`, 'FORBIDDEN_ADDRESS'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', 'FORBIDDEN_ADDRESS'],
    ['a private range', () => 'http://10.0.0.1/hook', 'FORBIDDEN_ADDRESS'],
    ['an IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port()}/`, 'FORBIDDEN_ADDRESS'],
    ['a file URL', () => 'file:///etc/passwd', 'FORBIDDEN_SCHEME'],
  ])('refuses %s', async (_name, url, reason) => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = jobDataFor(
      world,
      dossier,
      { type: 'webhook', url: url() },
      { transition: 'accepter' },
    );
    const before = receiver.requests.length;
    const outcome = await performEffect(deps({ allowPrivateTargets: false }), job);
    expect(outcome).toEqual({ status: 'failed', reason });
    expect((await effectRun(job.effectKey))?.result).toEqual({ status: 'failed', reason });
    expect(receiver.requests.length).toBe(before);
  });
});

describe('a purged dossier', () => {
  it('skips its effects', async () => {
    const dossier = await seedEffectDossier(database.db, world);
    const job = {
      ...jobDataFor(world, dossier, {
        type: 'notify',
        template: 'decision',
        to: { kind: 'applicant' },
      }),
      dossierId: '00000000-0000-4000-8000-000000000000',
      effectKey: '00000000-0000-4000-8000-000000000000:1:0',
    };
    expect(await performEffect(deps(), job)).toEqual({
      status: 'skipped',
      reason: 'DOSSIER_NOT_FOUND',
    });
  });
});
