import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, users } from '../../db/index.ts';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { createMailer, type Mailer } from '../effects/index.ts';
import { type SmtpSink, startSmtpSink } from '../effects/testing/startSmtpSink.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { sendAccountMail } from './index.ts';
import { nextTestIp } from './testing/authTestKit.ts';

// The mailed account links (docs/SECURITY.md §50–§51) and the receipt (§52), through the
// API, with each mail's job performed by the worker's own handler into a real SMTP server.

let server: DossierServer;
let world: SeededTenant;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db);
  sink = await startSmtpSink();
  mailer = createMailer({ host: sink.host, port: sink.port, from: 'g@guichet.test' });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await server?.close();
});

const STRONG = 'Une phrase de passe pour la commune 2026';
const HOUR = 60 * 60_000;

const client = () => server.client({ ip: nextTestIp() });

/** The account-mail jobs waiting for `email`'s account, oldest first. */
async function jobsFor(email: string): Promise<Array<Record<string, unknown>>> {
  const { rows } = await server.database.executeSql(
    `select j.data from pgboss.job j
       join account_tokens t on t.id = (j.data->>'tokenId')::uuid
       join users u on u.tenant_id = t.tenant_id and u.id = t.user_id
      where j.name = 'account-mail' and u.email = $1
      order by j.created_on`,
    [email],
  );
  return rows.map((row) => (row as { data: Record<string, unknown> }).data);
}

/** Performs the latest account-mail job for `email` as the worker would; the mailed token. */
async function deliver(email: string): Promise<{ token: string; text: string; subject: string }> {
  const jobs = await jobsFor(email);
  const data = jobs.at(-1);
  // Ids only: the token is drawn when the mail goes out, never stored.
  expect(Object.keys(data ?? {}).sort()).toEqual(['tenantId', 'tokenId']);
  const count = sink.messages.length;
  const deps = { db: server.database.db, mailer, clock: server.clock.now, publicOrigin: null };
  expect(await sendAccountMail(deps, data)).toEqual({ status: 'done' });
  const [mail] = (await sink.waitFor(count + 1)).slice(count);
  expect(mail!.recipients).toEqual([email]);
  const token = /#jeton=([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
  if (!token) throw new Error(`no token in ${mail!.text}`);
  return { token, text: mail!.text, subject: mail!.subject };
}

async function signUp(email: string): Promise<TestClient> {
  const browser = client();
  await browser.trpc.auth.signup.mutate({
    tenant: world.slug,
    email,
    password: STRONG,
    displayName: 'Camille Nouvelle',
  });
  await browser.trpc.auth.login.mutate({ tenant: world.slug, email, password: STRONG });
  return browser;
}

async function draftOf(citizen: TestClient): Promise<string> {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 0 });
  return id;
}

const submit = (citizen: TestClient, id: string) =>
  citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });

describe('sign-up confirmation (docs/SECURITY.md §50)', () => {
  it('mails a link at sign-up; unconfirmed, the citizen logs in but cannot submit until it is opened, once', async () => {
    const email = 'camille.confirme@example.fr';
    const citizen = await signUp(email);
    expect((await citizen.trpc.auth.me.query())?.emailConfirmed).toBe(false);
    const id = await draftOf(citizen);
    const refused = await rejection(submit(citizen, id));
    expect(refused.domainCode).toBe('EMAIL_NOT_CONFIRMED');
    expect(refused.httpStatus).toBe(403);
    expect(refused.message).toContain('Confirmez d’abord votre adresse e-mail');

    const mail = await deliver(email);
    expect(mail.subject).toBe(`Confirmez votre adresse e-mail — Commune ${world.slug}`);
    expect(mail.text).toContain(`/confirmer#jeton=${mail.token}`);
    // Only the hash is kept: the token itself is nowhere in the table.
    const [row] = await server.database.db
      .select({ hash: accountTokens.tokenHash })
      .from(accountTokens)
      .where(eq(accountTokens.id, String((await jobsFor(email))[0]!.tokenId)));
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
    const { rows } = await server.database.executeSql(
      'select count(*)::int as n from account_tokens where token_hash = $1',
      [mail.token],
    );
    expect(rows[0]).toEqual({ n: 0 });

    expect(await client().trpc.auth.confirmEmail.mutate({ token: mail.token })).toEqual({
      confirmed: true,
    });
    const again = await rejection(client().trpc.auth.confirmEmail.mutate({ token: mail.token }));
    expect(again.domainCode).toBe('ACCOUNT_LINK_INVALID');
    expect((await citizen.trpc.auth.me.query())?.emailConfirmed).toBe(true);
    // The draft was kept: it goes through now.
    const submitted = await submit(citizen, id);
    expect(submitted.reference).toMatch(/^[A-Z]+-2026-\d{6}$/);
  });

  it('answers one way for unknown, used, expired, replaced and other-purpose links', async () => {
    const email = 'camille.expire@example.fr';
    const citizen = await signUp(email);
    const first = await deliver(email);
    // A resend replaces the first link.
    expect(await citizen.trpc.auth.resendConfirmation.mutate()).toEqual({
      alreadyConfirmed: false,
    });
    const second = await deliver(email);
    const replaced = await rejection(
      client().trpc.auth.confirmEmail.mutate({ token: first.token }),
    );
    const unknown = await rejection(
      client().trpc.auth.confirmEmail.mutate({ token: 'x'.repeat(43) }),
    );
    // A confirmation link cannot reset a password.
    const otherPurpose = await rejection(
      client().trpc.auth.resetPassword.mutate({ token: second.token, password: STRONG }),
    );
    server.clock.advance(48 * HOUR + 1000);
    const expired = await rejection(
      client().trpc.auth.confirmEmail.mutate({ token: second.token }),
    );
    for (const refused of [replaced, unknown, otherPurpose, expired]) {
      expect(refused.domainCode).toBe('ACCOUNT_LINK_INVALID');
      expect(refused.message).toBe(replaced.message);
    }
    // (The session itself ended meanwhile: 48 h is past a citizen's 24 h.)
    const [account] = await server.database.db
      .select({ confirmedAt: users.emailConfirmedAt })
      .from(users)
      .where(eq(users.email, email));
    expect(account?.confirmedAt).toBeNull();
  });

  it('limits resends per account, and mails nothing to a confirmed address', async () => {
    const email = 'camille.renvoi@example.fr';
    const citizen = await signUp(email);
    for (let i = 0; i < 3; i += 1) await citizen.trpc.auth.resendConfirmation.mutate();
    const limited = await rejection(citizen.trpc.auth.resendConfirmation.mutate());
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(await jobsFor(email)).toHaveLength(4); // sign-up + 3 resends

    const seeded = await server.signIn(world, 'citizen');
    expect(await seeded.trpc.auth.resendConfirmation.mutate()).toEqual({ alreadyConfirmed: true });
    expect(await jobsFor(world.accounts.citizen.email)).toHaveLength(0);
  });
});

describe('password reset by mail (docs/SECURITY.md §51)', () => {
  it('answers the same for any address and mails only an active citizen', async () => {
    const ask = (email: string, tenant = world.slug) =>
      client().trpc.auth.requestPasswordReset.mutate({ tenant, email });
    const answers = await Promise.all([
      ask(world.accounts.otherCitizen.email),
      ask('personne@example.fr'),
      ask(world.accounts.agent.email),
      ask(world.accounts.otherCitizen.email, 'pas-de-commune'),
    ]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]!.message).toContain('Si un compte existe avec cette adresse');
    expect(await jobsFor(world.accounts.otherCitizen.email)).toHaveLength(1);
    expect(await jobsFor(world.accounts.agent.email)).toHaveLength(0);
  });

  it('sets a new password once, ends every session, and keeps the link through a refused password', async () => {
    const email = world.accounts.citizen.email;
    const before = await server.signIn(world, 'citizen');
    expect(await before.trpc.auth.me.query()).not.toBeNull();
    await client().trpc.auth.requestPasswordReset.mutate({ tenant: world.slug, email });
    const mail = await deliver(email);
    expect(mail.subject).toBe(`Réinitialisation de votre mot de passe — Commune ${world.slug}`);
    expect(mail.text).toContain(`/reinitialiser#jeton=${mail.token}`);

    const weak = await rejection(
      client().trpc.auth.resetPassword.mutate({ token: mail.token, password: 'motdepasse' }),
    );
    expect(weak.domainCode).toBe('WEAK_PASSWORD');
    expect(weak.fieldErrors?.password).toBeDefined();
    expect(
      await client().trpc.auth.resetPassword.mutate({ token: mail.token, password: STRONG }),
    ).toEqual({ email });

    // The session opened before the reset is over; the old password no longer works.
    expect(
      (
        await rejection(
          before.trpc.auth.changePassword.mutate({ current: STRONG, next: `${STRONG}!` }),
        )
      ).code,
    ).toBe('UNAUTHORIZED');
    expect(await before.trpc.auth.me.query()).toBeNull();
    const old = await rejection(
      client().trpc.auth.login.mutate({
        tenant: world.slug,
        email,
        password: world.accounts.citizen.password,
      }),
    );
    expect(old.domainCode).toBe('INVALID_CREDENTIALS');
    const after = client();
    await after.trpc.auth.login.mutate({ tenant: world.slug, email, password: STRONG });
    expect((await after.trpc.auth.me.query())?.email).toBe(email);

    const reused = await rejection(
      client().trpc.auth.resetPassword.mutate({ token: mail.token, password: `${STRONG} bis` }),
    );
    expect(reused.domainCode).toBe('ACCOUNT_LINK_INVALID');
    const [audit] = await server.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.action, 'auth.password_reset')),
      );
    expect(JSON.stringify(audit?.details)).not.toContain(mail.token);
  });

  it('expires after an hour', async () => {
    const email = world.accounts.otherCitizen.email;
    const mail = await deliver(email); // the request of the first test
    server.clock.advance(HOUR + 1000);
    const late = await rejection(
      client().trpc.auth.resetPassword.mutate({ token: mail.token, password: STRONG }),
    );
    expect(late.domainCode).toBe('ACCOUNT_LINK_INVALID');
  });

  it('limits requests per address silently and per client address with 429', async () => {
    const email = 'camille.limite@example.fr';
    await signUp(email);
    const ip = nextTestIp();
    const same = server.client({ ip });
    for (let i = 0; i < 5; i += 1) {
      await client().trpc.auth.requestPasswordReset.mutate({ tenant: world.slug, email });
    }
    const resets = (await jobsFor(email)).length - 1; // minus the sign-up confirmation
    expect(resets).toBe(3);
    for (let i = 0; i < 10; i += 1) {
      await same.trpc.auth.requestPasswordReset.mutate({
        tenant: world.slug,
        email: `a${i}@example.fr`,
      });
    }
    const limited = await rejection(
      same.trpc.auth.requestPasswordReset.mutate({ tenant: world.slug, email: 'b@example.fr' }),
    );
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('the receipt (docs/SECURITY.md §52)', () => {
  it('is a PDF of the submitted dossier for its applicant and its agents, NOT_FOUND for others', async () => {
    const citizen = await server.signIn(world, 'otherCitizen');
    const id = await draftOf(citizen);
    const draft = await rejection(citizen.trpc.dossiers.receipt.query({ id }));
    expect(draft.domainCode).toBe('NOT_SUBMITTED');
    const submitted = await submit(citizen, id);

    const receipt = await citizen.trpc.dossiers.receipt.query({ id });
    expect(receipt.fileName).toBe(`accuse-de-reception-${submitted.reference}.pdf`);
    const pdf = new Uint8Array(Buffer.from(receipt.pdfBase64, 'base64'));
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const view = await citizen.trpc.dossiers.get.query({ id });
    expect(text).toContain('Accusé de réception');
    expect(text).toContain(`Commune ${world.slug}`);
    expect(text).toContain(view.demarche.title);
    expect(text).toContain(`Référence du dossier : ${submitted.reference}`);
    expect(text).toMatch(/Déposé le \d{1,2}(er)? \S+ 2026 à \d{1,2} h/);
    expect(text).toContain('Martin');
    expect(text).toContain('Claire');

    const agent = await server.signIn(world, 'agent');
    expect((await agent.trpc.dossiers.receipt.query({ id })).fileName).toBe(receipt.fileName);
    const stranger = await signUp('camille.curieuse@example.fr');
    const outsider = await server.signIn(world, 'agentMairie');
    const refusals = await Promise.all([
      rejection(stranger.trpc.dossiers.receipt.query({ id })),
      rejection(outsider.trpc.dossiers.receipt.query({ id })),
      rejection(stranger.trpc.dossiers.receipt.query({ id: randomUUID() })),
    ]);
    for (const refused of refusals) {
      expect(refused).toEqual(refusals[2]);
      expect(refused.code).toBe('NOT_FOUND');
    }
    const anonymous = await rejection(client().trpc.dossiers.receipt.query({ id }));
    expect(anonymous.code).toBe('UNAUTHORIZED');
  });
});

describe('the password-changed notice (docs/SECURITY.md §110)', () => {
  it('mails the owner, without a link to get in, when the password is changed', async () => {
    const email = 'camille.change@example.fr';
    const citizen = await signUp(email);
    const elsewhere = client();
    await elsewhere.trpc.auth.login.mutate({ tenant: world.slug, email, password: STRONG });
    const next = 'le marché du samedi matin sur la place';
    expect(await citizen.trpc.auth.changePassword.mutate({ current: STRONG, next })).toEqual({
      revokedSessions: 1,
    });
    expect(await elsewhere.trpc.auth.me.query()).toBeNull();

    const { rows } = await server.database.executeSql(
      `select j.data from pgboss.job j join users u on u.id = (j.data->>'userId')::uuid
        where j.name = 'account-mail' and u.email = $1`,
      [email],
    );
    expect(rows).toHaveLength(1);
    const data = (rows[0] as { data: Record<string, unknown> }).data;
    // Who and when only: no password, no hash, no token travels in the job.
    expect(Object.keys(data).sort()).toEqual(['at', 'notice', 'tenantId', 'userId']);
    expect(JSON.stringify(data)).not.toContain(next);

    const count = sink.messages.length;
    const deps = { db: server.database.db, mailer, clock: server.clock.now, publicOrigin: null };
    expect(await sendAccountMail(deps, data)).toEqual({ status: 'done' });
    const [mail] = (await sink.waitFor(count + 1)).slice(count);
    expect(mail!.recipients).toEqual([email]);
    expect(mail!.subject).toBe(`Votre mot de passe a été modifié — Commune ${world.slug}`);
    expect(mail!.text).toMatch(/a été modifié le \d{1,2}(er)? \S+ 2026 à \d{1,2} h/);
    expect(mail!.text).toContain('/mot-de-passe-oublie');
    expect(mail!.text).not.toContain('#jeton=');
    expect(mail!.text).not.toContain(next);
  });

  it('writes no notice when the change is refused', async () => {
    const email = 'camille.refus@example.fr';
    const citizen = await signUp(email);
    await rejection(citizen.trpc.auth.changePassword.mutate({ current: 'pas le bon', next: 'x' }));
    const { rows } = await server.database.executeSql(
      `select 1 from pgboss.job j join users u on u.id = (j.data->>'userId')::uuid
        where j.name = 'account-mail' and u.email = $1`,
      [email],
    );
    expect(rows).toHaveLength(0);
  });
});
